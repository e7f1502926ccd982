import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import type { TransactionDocument, TransactionDocumentDetail } from "@portail/shared";
import { expect } from "vitest";
import type { TestContext } from "./context.ts";
import type { TestUser } from "./factories.ts";

// Small but real files of every accepted type (and a few refused ones), built in memory.

export const samplePdf = (text = "Promesse d'achat") =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      `2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\n` +
      "trailer << /Root 1 0 R >>\n%%EOF\n",
    "latin1",
  );

/** A 1×1 transparent PNG. */
export const samplePng = () =>
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  );

export const sampleJpeg = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from("JFIF\0", "latin1"),
    Buffer.alloc(64),
    Buffer.from([0xff, 0xd9]),
  ]);

export const sampleWebp = () => {
  const body = Buffer.concat([Buffer.from("WEBPVP8 ", "latin1"), Buffer.alloc(32)]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from("RIFF", "latin1"), size, body]);
};

/** An ISO-BMFF header with the `heic` brand, as iPhones write. */
export const sampleHeic = () =>
  Buffer.concat([
    Buffer.from([0x00, 0x00, 0x00, 0x18]),
    Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"),
    Buffer.alloc(64),
  ]);

/** A stored (uncompressed) zip archive: enough for Office Open XML detection. */
export function zip(entries: Array<[name: string, content: string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === "string" ? Buffer.from(content) : content;
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string, part: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="${part}" ContentType="${main}"/></Types>`;

export const sampleDocx = () =>
  zip([
    [
      "[Content_Types].xml",
      contentTypes(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "/word/document.xml",
      ),
    ],
    ["word/document.xml", "<w:document><w:body><w:p>Bonjour</w:p></w:body></w:document>"],
  ]);

export const sampleXlsx = () =>
  zip([
    [
      "[Content_Types].xml",
      contentTypes(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "/xl/workbook.xml",
      ),
    ],
    ["xl/workbook.xml", "<workbook/>"],
  ]);

/** The header of an OLE compound file, the container of legacy .doc and .xls files. */
export const sampleCfb = () =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(1016),
  ]);

/** A Windows executable (MZ/PE header), as a "renamed .exe" would be. */
export const sampleExe = () => {
  const exe = Buffer.alloc(512);
  exe.write("MZ", 0, "latin1");
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write("PE\0\0", 0x80, "latin1");
  return exe;
};

export interface FilePart {
  content: Buffer;
  filename: string;
  type?: string;
}

/** A multipart/form-data body with its parts in the given order (exactly as a browser sends). */
export async function multipart(parts: Array<[name: string, value: string | FilePart]>) {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([value.content], { type: value.type ?? "" }), value.filename);
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { "content-type": encoded.headers.get("content-type")! },
  };
}

/**
 * A multipart body streamed from a generator: `size` bytes of file (a PDF header, then
 * filler) produced chunk by chunk, so the test itself never holds the file in memory.
 */
export function streamedMultipart(fields: Record<string, string>, filename: string, size: number) {
  const boundary = "----portail-test-boundary-7d1f3a";
  const head =
    Object.entries(fields)
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join("") +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    "Content-Type: application/pdf\r\n\r\n";
  const tail = `\r\n--${boundary}--\r\n`;
  function* chunks() {
    yield Buffer.from(head);
    const pdfHeader = Buffer.from("%PDF-1.4\n");
    yield pdfHeader;
    const filler = Buffer.alloc(64 * 1024, 0x20);
    for (let left = size - pdfHeader.length; left > 0; left -= filler.length) {
      yield left >= filler.length ? filler : filler.subarray(0, left);
    }
    yield Buffer.from(tail);
  }
  return {
    payload: Readable.from(chunks(), { objectMode: false }),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Shares a file through the real upload endpoint as `broker`; expects 201. */
export async function uploadDocument(
  ctx: TestContext,
  broker: TestUser,
  transactionId: number,
  file: FilePart = { content: samplePdf(), filename: "Promesse d'achat.pdf" },
  categorie = "offre",
): Promise<TransactionDocument> {
  const body = await multipart([
    ["transaction_id", String(transactionId)],
    ["categorie", categorie],
    ["file", file],
  ]);
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/portail/transaction-documents/",
    headers: { ...broker.auth, ...body.headers },
    payload: body.payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** GET /{id} as `user`: the detail with its signed download_url. */
export async function documentDetail(
  ctx: TestContext,
  user: TestUser,
  documentId: number,
): Promise<TransactionDocumentDetail> {
  const response = await ctx.app.inject({
    method: "GET",
    url: `/api/v1/portail/transaction-documents/${documentId}`,
    headers: user.auth,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Every regular file under DATA_DIR/files (temp files included), relative paths. */
export function storedFiles(ctx: TestContext): string[] {
  const root = path.join(ctx.config.dataDir, "files");
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(path.relative(root, full));
    }
  };
  walk(root);
  return found.sort();
}
