import { createHash, randomBytes } from "node:crypto";
import { processMemory } from "./api-server.ts";
import { databaseUrlOf, type Size, withClient } from "./common.ts";
import type { Session } from "./load.ts";

export interface TransferRun {
  upload_ms: number;
  upload_mb_s: number;
  download_ms: number;
  download_mb_s: number;
  sha256_ok: boolean;
}

export interface UploadResult {
  file_mb: number;
  runs: TransferRun[];
  /** API process memory (MiB): before the first upload, highest seen during, after the last. */
  rss_before_mib: number;
  rss_peak_mib: number;
  rss_after_mib: number;
  rss_growth_mib: number;
  heap_used_before_mib: number;
  heap_used_after_mib: number;
  external_after_mib: number;
}

const MIB = 1024 * 1024;
/** The category of uploaded documents, so the next run can remove them. */
export const UPLOAD_CATEGORY = "bench-upload";

/** A 25 MB file the API accepts as a PDF (its type is read from the first bytes). */
function bigPdf(bytes: number): Buffer {
  const head = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1");
  const tail = Buffer.from("\n%%EOF\n", "latin1");
  return Buffer.concat([head, randomBytes(bytes - head.length - tail.length), tail]);
}

async function apiMemory(url: string) {
  const response = await fetch(`${url}/__bench/memory`);
  return (await response.json()) as { rss: number; heapUsed: number; external: number };
}

/**
 * Uploads a 25 MB document as a broker, then downloads it, `times` times, sampling the API
 * process's resident memory every 20 ms from /proc.
 */
export async function measureUploads(
  size: Size,
  url: string,
  pid: number,
  broker: Session,
  options: { megabytes: number; times: number },
): Promise<UploadResult> {
  const transactionId = await withClient(databaseUrlOf(size), async (db) => {
    const { rows } = await db.query<{ id: number }>(
      `select t.id from portail_transactions t join users u on u.id = t.courtier_id
       where lower(u.email) = lower($1) order by t.id limit 1`,
      [broker.email],
    );
    return rows[0]!.id;
  });
  const file = bigPdf(options.megabytes * 1_000_000);
  const sha256 = createHash("sha256").update(file).digest("hex");
  const auth = { authorization: `Bearer ${broker.token}` };

  const before = await apiMemory(url);
  const rssBefore = processMemory(pid)?.rss_mib ?? before.rss / MIB;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    const rss = processMemory(pid)?.rss_mib;
    if (rss !== undefined && rss > peak) peak = rss;
  }, 20);

  const runs: TransferRun[] = [];
  const mb = file.length / 1_000_000;
  try {
    for (let n = 0; n < options.times; n++) {
      const form = new FormData();
      // Text fields first: the API reads the parts in order and streams the file.
      form.append("transaction_id", String(transactionId));
      form.append("categorie", UPLOAD_CATEGORY);
      form.append("file", new Blob([file], { type: "application/pdf" }), "gros-document.pdf");
      let started = performance.now();
      const uploaded = await fetch(`${url}/api/v1/portail/transaction-documents`, {
        method: "POST",
        headers: auth,
        body: form,
      });
      if (uploaded.status !== 201) {
        throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
      }
      const uploadMs = performance.now() - started;
      const { id } = (await uploaded.json()) as { id: number };

      const detail = await fetch(`${url}/api/v1/portail/transaction-documents/${id}`, {
        headers: auth,
      });
      const { download_url } = (await detail.json()) as { download_url: string };
      started = performance.now();
      const downloaded = await fetch(`${url}${download_url}`, { headers: auth });
      if (!downloaded.ok || !downloaded.body) throw new Error(`download: ${downloaded.status}`);
      const hash = createHash("sha256");
      for await (const chunk of downloaded.body) hash.update(chunk as Uint8Array);
      const downloadMs = performance.now() - started;
      runs.push({
        upload_ms: Math.round(uploadMs),
        upload_mb_s: Math.round((mb / (uploadMs / 1000)) * 10) / 10,
        download_ms: Math.round(downloadMs),
        download_mb_s: Math.round((mb / (downloadMs / 1000)) * 10) / 10,
        sha256_ok: hash.digest("hex") === sha256,
      });
    }
  } finally {
    clearInterval(sampler);
  }
  const after = await apiMemory(url);
  const rssAfter = processMemory(pid)?.rss_mib ?? after.rss / MIB;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    file_mb: mb,
    runs,
    rss_before_mib: round(rssBefore),
    rss_peak_mib: round(peak),
    rss_after_mib: round(rssAfter),
    rss_growth_mib: round(peak - rssBefore),
    heap_used_before_mib: round(before.heapUsed / MIB),
    heap_used_after_mib: round(after.heapUsed / MIB),
    external_after_mib: round(after.external / MIB),
  };
}
