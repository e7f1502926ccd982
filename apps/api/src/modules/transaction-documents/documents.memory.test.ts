import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import { createActiveClient } from "../../../test/factories.ts";
import { storedFiles, streamedMultipart } from "../../../test/files.ts";

const ctx = useTestApp(); // MAX_UPLOAD_MB default: 25
const MB = 1024 * 1024;

// A collector to call between measurements, so the figures show what is retained, not garbage.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

describe("a large upload is streamed", () => {
  it("stores 20 MB without holding it in memory (heap growth logged)", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const body = streamedMultipart(
      { transaction_id: String(transaction.id), categorie: "inspection" },
      "Rapport complet.pdf",
      20 * MB,
    );
    gc();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 5);
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/portail/transaction-documents/",
      headers: { ...broker.auth, ...body.headers },
      payload: body.payload,
    });
    clearInterval(sampler);
    gc();
    const after = process.memoryUsage();
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ taille: 20 * MB, type: "pdf" });
    expect(storedFiles(ctx)).toHaveLength(1);

    const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
    // Informational (GC timing makes a hard bound flaky): expect a few MB, not ~20.
    console.info(
      `20 MB upload: heap peak +${mb(peakHeap - before.heapUsed)} while streaming; ` +
        `retained after GC: heap ${mb(after.heapUsed - before.heapUsed)}, ` +
        `buffers ${mb(after.arrayBuffers - before.arrayBuffers)}`,
    );
  });
});
