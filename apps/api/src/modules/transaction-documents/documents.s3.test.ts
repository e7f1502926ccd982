import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { eq } from "drizzle-orm";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import { createActiveClient } from "../../../test/factories.ts";
import {
  documentDetail,
  multipart,
  samplePdf,
  storedFiles,
  uploadDocument,
} from "../../../test/files.ts";
import { transaction_documents } from "../../db/schema.ts";

// A real S3-compatible server (s3rver) on a loopback port, with its own directory.
const BUCKET = "portail-documents";
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
let server: S3rver;
let endpoint = "";
let directory = "";
let s3: S3Client;

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), "portail-s3rver-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: CREDENTIALS,
  });
});

afterAll(async () => {
  s3?.destroy();
  await server?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

const ctx = useTestApp(() => ({
  S3_BUCKET: BUCKET,
  S3_ENDPOINT: endpoint,
  S3_REGION: "us-east-1",
  S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
  MAX_UPLOAD_MB: "8",
}));
const MB = 1024 * 1024;
const BASE = "/api/v1/portail/transaction-documents";

async function bucketKeys(): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

const keyOf = async (documentId: number) =>
  (
    await ctx.database.db
      .select({ key: transaction_documents.storage_key })
      .from(transaction_documents)
      .where(eq(transaction_documents.id, documentId))
  )[0]!.key;

describe("documents on S3-compatible storage", () => {
  it("uses the S3 driver when S3_BUCKET is set", () => {
    expect(ctx.app.storage.kind).toBe("s3");
  });

  it("uploads, downloads and deletes through the bucket, nothing on local disk", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const document = await uploadDocument(ctx, broker, transaction.id, {
      content: samplePdf(),
      filename: "Évaluation municipale.pdf",
    });
    const key = await keyOf(document.id);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.ContentLength).toBe(samplePdf().length);
    expect(storedFiles(ctx)).toEqual([]);

    const { download_url } = await documentDetail(ctx, client, document.id);
    const download = await ctx.app.inject({
      method: "GET",
      url: download_url,
      headers: client.auth,
    });
    expect(download.statusCode, download.body).toBe(200);
    expect(download.rawPayload.equals(samplePdf())).toBe(true);
    expect(download.headers["content-length"]).toBe(String(samplePdf().length));
    expect(download.headers["content-disposition"]).toContain(
      "filename*=UTF-8''%C3%89valuation%20municipale.pdf",
    );

    const removed = await ctx.app.inject({
      method: "DELETE",
      url: `${BASE}/${document.id}`,
      headers: broker.auth,
    });
    expect(removed.statusCode).toBe(204);
    expect(await ctx.app.storage.exists(key)).toBe(false);
    expect(await bucketKeys()).not.toContain(key);
  });

  it("streams a file larger than one part (multipart upload) and reads it back whole", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const content = Buffer.concat([samplePdf(), Buffer.alloc(7 * MB, 0x41)]);
    const document = await uploadDocument(ctx, broker, transaction.id, {
      content,
      filename: "plans.pdf",
    });
    expect(document.taille).toBe(content.length);
    const { download_url } = await documentDetail(ctx, broker, document.id);
    const download = await ctx.app.inject({
      method: "GET",
      url: download_url,
      headers: broker.auth,
    });
    expect(download.rawPayload.equals(content)).toBe(true);
  });

  it.each([
    [
      "413 over the limit",
      Buffer.concat([samplePdf(), Buffer.alloc(8 * MB, 0x20)]),
      "gros.pdf",
      413,
    ],
    [
      "415 for text that stops being UTF-8 after the first 5 MB part was sent",
      Buffer.concat([Buffer.alloc(6 * MB, 0x61), Buffer.from([0xff, 0x0a])]),
      "export.csv",
      415,
    ],
  ])("answers %s, leaving no object in the bucket", async (_label, content, filename, status) => {
    const { broker, transaction } = await createActiveClient(ctx);
    const before = await bucketKeys();
    const body = await multipart([
      ["transaction_id", String(transaction.id)],
      ["categorie", "offre"],
      ["file", { content, filename }],
    ]);
    const response = await ctx.app.inject({
      method: "POST",
      url: `${BASE}/`,
      headers: { ...broker.auth, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(status);
    expect(await bucketKeys()).toEqual(before);
  });
});
