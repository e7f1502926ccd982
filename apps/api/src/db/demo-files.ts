import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { deflateSync } from "node:zlib";
import { newStorageKey, type Storage } from "../storage/index.ts";
import type { DemoDocument } from "./seed-data.ts";

// Small but real files for the demo documents: a one-page PDF any viewer opens, and a PNG.
// Generated rather than committed as binaries, so the repository holds no opaque blobs.

/** A valid one-page PDF (PDF 1.4, Helvetica) showing `lines` of ASCII text. */
export function demoPdf(lines: string[]): Buffer {
  const pdfString = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = [
    "BT /F1 18 Tf 72 760 Td",
    ...lines.map((line, i) => `${i === 0 ? "" : "0 -28 Td "}(${pdfString(line)}) Tj`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R " +
      "/Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A small RGB PNG: a house front (walls, roof, door) on a sky gradient. */
export function demoPng(width = 160, height = 120): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB pixels
    for (let x = 0; x < width; x++) {
      const roofTop = 30 + Math.abs(x - width / 2) * 0.6;
      let rgb: [number, number, number] = [135, 190 + Math.round((y / height) * 50), 235];
      if (y > height - 15) rgb = [90, 150, 70];
      else if (y >= 60 && x > 35 && x < width - 35) {
        const door = x > width / 2 - 10 && x < width / 2 + 10 && y > 80;
        rgb = door ? [110, 60, 30] : [225, 205, 170];
      } else if (y >= roofTop && y < 60 && x > 25 && x < width - 25) rgb = [160, 40, 40];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  mime_type: string;
  type: "pdf" | "image";
}

/** Stores a demo document's generated file under a fresh random key, like an upload. */
export async function storeDemoFile(
  store: Pick<Storage, "put">,
  document: DemoDocument,
): Promise<StoredFile> {
  const png = document.file === "png";
  const bytes = document.file === "png" ? demoPng() : demoPdf(document.file.pdf);
  const mime_type = png ? "image/png" : "application/pdf";
  const key = newStorageKey();
  const { size } = await store.put(key, Readable.from([bytes]), { contentType: mime_type });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { key, size, sha256, mime_type, type: png ? "image" : "pdf" };
}
