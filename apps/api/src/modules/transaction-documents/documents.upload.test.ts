import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createActiveClient,
  createBroker,
  createInvitedClient,
  type TestUser,
} from "../../../test/factories.ts";
import {
  type FilePart,
  multipart,
  sampleCfb,
  sampleDocx,
  sampleExe,
  sampleHeic,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleWebp,
  sampleXlsx,
  storedFiles,
} from "../../../test/files.ts";
import { describeAuthorization } from "../../../test/security.ts";
import { transaction_documents } from "../../db/schema.ts";

// A 1 MB limit keeps the oversize cases small; the 20 MB streaming case has its own file.
const ctx = useTestApp({ MAX_UPLOAD_MB: "1" });
const MB = 1024 * 1024;
const URL = "/api/v1/portail/transaction-documents/";

async function upload(user: TestUser, parts: Parameters<typeof multipart>[0]) {
  const body = await multipart(parts);
  return ctx.app.inject({
    method: "POST",
    url: URL,
    headers: { ...user.auth, ...body.headers },
    payload: body.payload,
  });
}

const rowsOf = (transactionId: number) =>
  ctx.database.db
    .select()
    .from(transaction_documents)
    .where(eq(transaction_documents.transaction_id, transactionId));

const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

describe("POST /portail/transaction-documents", () => {
  it.each<[string, FilePart, { type: string; mime_type: string; nom: string }]>([
    [
      "a PDF",
      { content: samplePdf(), filename: "Promesse d'achat – Côté.pdf" },
      { type: "pdf", mime_type: "application/pdf", nom: "Promesse d'achat – Côté.pdf" },
    ],
    [
      "a PNG",
      { content: samplePng(), filename: "plan.png", type: "image/png" },
      { type: "image", mime_type: "image/png", nom: "plan.png" },
    ],
    [
      "a JPEG",
      { content: sampleJpeg(), filename: "façade.jpg" },
      { type: "image", mime_type: "image/jpeg", nom: "façade.jpg" },
    ],
    [
      "a WebP",
      { content: sampleWebp(), filename: "cuisine.webp" },
      { type: "image", mime_type: "image/webp", nom: "cuisine.webp" },
    ],
    [
      "a HEIC photo",
      { content: sampleHeic(), filename: "IMG_0001.HEIC" },
      { type: "image", mime_type: "image/heic", nom: "IMG_0001.HEIC" },
    ],
    [
      "a DOCX",
      { content: sampleDocx(), filename: "Mandat.docx" },
      {
        type: "word",
        mime_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        nom: "Mandat.docx",
      },
    ],
    [
      "an XLSX",
      { content: sampleXlsx(), filename: "Budget.xlsx" },
      {
        type: "excel",
        mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        nom: "Budget.xlsx",
      },
    ],
    [
      "a legacy DOC",
      { content: sampleCfb(), filename: "Ancien mandat.doc" },
      { type: "word", mime_type: "application/msword", nom: "Ancien mandat.doc" },
    ],
    [
      "a legacy XLS",
      { content: sampleCfb(), filename: "Comparables.xls" },
      { type: "excel", mime_type: "application/vnd.ms-excel", nom: "Comparables.xls" },
    ],
    [
      "a UTF-8 text file",
      { content: Buffer.from("Notes de visite : très lumineux.\n"), filename: "notes.txt" },
      { type: "autre", mime_type: "text/plain", nom: "notes.txt" },
    ],
    [
      "a CSV with a BOM",
      {
        content: Buffer.from("\uFEFFadresse;prix\n12 rue Côté;450000\n"),
        filename: "comparables.csv",
      },
      { type: "autre", mime_type: "text/csv", nom: "comparables.csv" },
    ],
  ])("shares %s: typed from its bytes, stored whole under a random key", async (_l, file, want) => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await upload(broker, [
      ["transaction_id", String(transaction.id)],
      ["categorie", "inspection"],
      ["file", file],
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json();
    expect(document).toMatchObject({
      transaction_id: transaction.id,
      categorie: "inspection",
      taille: file.content.length,
      sha256: sha256(file.content),
      nouveau: true,
      partage_par: { id: broker.user.id, first_name: "Marie", last_name: "Tremblay" },
      ...want,
    });
    expect(document).not.toHaveProperty("storage_key");
    expect(new Date(document.date_partage).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const [row] = await rowsOf(transaction.id);
    expect(row!.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(row!.storage_key).not.toContain(file.filename);
    const stored = await ctx.app.storage.get(row!.storage_key);
    expect(stored.size).toBe(file.content.length);
    expect(sha256(await buffer(stored.stream))).toBe(sha256(file.content));
  });

  it("trusts the bytes, not the client's claimed type or extension", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await upload(broker, [
      ["transaction_id", String(transaction.id)],
      ["categorie", "offre"],
      ["file", { content: samplePng(), filename: "offre", type: "application/pdf" }],
    ]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      type: "image",
      mime_type: "image/png",
      nom: "offre.png",
    });
  });

  it("lets a broker prepare documents before the client has activated", async () => {
    const broker = await createBroker(ctx);
    const { transaction } = await createInvitedClient(ctx, broker);
    const response = await upload(broker, [
      ["transaction_id", String(transaction.id)],
      ["categorie", "identite"],
      ["file", { content: samplePdf(), filename: "permis.pdf" }],
    ]);
    expect(response.statusCode, response.body).toBe(201);
  });

  it("accepts the file before the text fields", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await upload(broker, [
      ["file", { content: samplePdf(), filename: "acte.pdf" }],
      ["categorie", "notaire"],
      ["transaction_id", String(transaction.id)],
    ]);
    expect(response.statusCode, response.body).toBe(201);
    expect(await rowsOf(transaction.id)).toHaveLength(1);
  });

  it("removes the stored file when fields sent after it turn out wrong (another broker's)", async () => {
    const { broker } = await createActiveClient(ctx);
    const other = await createActiveClient(ctx);
    const before = storedFiles(ctx);
    const response = await upload(broker, [
      ["file", { content: samplePdf(), filename: "acte.pdf" }],
      ["categorie", "notaire"],
      ["transaction_id", String(other.transaction.id)],
    ]);
    expect(response.statusCode, response.body).toBe(404);
    expect(await rowsOf(other.transaction.id)).toHaveLength(0);
    expect(storedFiles(ctx)).toEqual(before);
  });

  it("keeps a ../../ file name as display metadata only", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const before = storedFiles(ctx);
    for (const filename of ["../../etc/passwd", "..\\..\\..\\etc\\passwd", "/etc/passwd"]) {
      const response = await upload(broker, [
        ["transaction_id", String(transaction.id)],
        ["categorie", "autre"],
        ["file", { content: samplePdf(), filename }],
      ]);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().nom).toBe("passwd.pdf");
    }
    const added = storedFiles(ctx).filter((file) => !before.includes(file));
    expect(added).toHaveLength(3);
    for (const file of added) expect(file).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(existsSync(path.join(ctx.config.dataDir, "etc"))).toBe(false);
    expect(existsSync(path.join(ctx.config.dataDir, "files", "etc"))).toBe(false);
  });

  describe("refusals leave nothing behind", () => {
    async function expectNothingStored(
      parts:
        | Parameters<typeof multipart>[0]
        | ((transactionId: number) => Parameters<typeof multipart>[0]),
      status: number,
      code: string,
    ) {
      const { broker, transaction } = await createActiveClient(ctx);
      const before = storedFiles(ctx);
      const response = await upload(
        broker,
        typeof parts === "function" ? parts(transaction.id) : parts,
      );
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(await rowsOf(transaction.id)).toHaveLength(0);
      expect(storedFiles(ctx)).toEqual(before);
      return response.json().error;
    }

    const withFile = (file: FilePart) => (id: number) =>
      [
        ["transaction_id", String(id)],
        ["categorie", "offre"],
        ["file", file],
      ] as Parameters<typeof multipart>[0];

    it("answers 413 over MAX_UPLOAD_MB, with no row and no file (not even a temp file)", async () => {
      const big = Buffer.concat([samplePdf(), Buffer.alloc(MB, 0x20)]);
      await expectNothingStored(
        withFile({ content: big, filename: "gros.pdf" }),
        413,
        "PAYLOAD_TOO_LARGE",
      );
    });

    it("answers 413 also when the oversize file comes before the fields", async () => {
      const big = Buffer.concat([samplePdf(), Buffer.alloc(MB, 0x20)]);
      await expectNothingStored(
        (id) => [
          ["file", { content: big, filename: "gros.pdf" }],
          ["transaction_id", String(id)],
          ["categorie", "offre"],
        ],
        413,
        "PAYLOAD_TOO_LARGE",
      );
    });

    it("accepts a file of exactly the limit", async () => {
      const { broker, transaction } = await createActiveClient(ctx);
      const pdf = samplePdf();
      const exact = Buffer.concat([pdf, Buffer.alloc(MB - pdf.length, 0x20)]);
      const response = await upload(
        broker,
        withFile({ content: exact, filename: "pile.pdf" })(transaction.id),
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().taille).toBe(MB);
    });

    it("answers 415 to a renamed executable", async () => {
      await expectNothingStored(
        withFile({ content: sampleExe(), filename: "facture.pdf", type: "application/pdf" }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      );
    });

    it("answers 415 to an executable named .txt", async () => {
      await expectNothingStored(
        withFile({ content: sampleExe(), filename: "lisez-moi.txt", type: "text/plain" }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      );
    });

    it("answers 415 to text that is not UTF-8, even past the first 64 KB", async () => {
      const latin1 = Buffer.concat([
        Buffer.from("adresse;prix\n".repeat(10_000)),
        Buffer.from("Côté;450000\n", "latin1"),
      ]);
      await expectNothingStored(
        withFile({ content: latin1, filename: "export.csv" }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      );
    });

    it("answers 415 to text under an extension other than .txt or .csv", async () => {
      await expectNothingStored(
        withFile({ content: Buffer.from("<script>alert(1)</script>"), filename: "page.html" }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      );
    });

    it("answers 400 to an empty file", async () => {
      const error = await expectNothingStored(
        withFile({ content: Buffer.alloc(0), filename: "vide.pdf" }),
        400,
        "VALIDATION_ERROR",
      );
      expect(error.fields).toEqual([expect.objectContaining({ field: "file", code: "empty" })]);
    });

    it.each<[string, (id: number) => Parameters<typeof multipart>[0], string]>([
      [
        "transaction_id missing",
        () => [
          ["categorie", "offre"],
          ["file", { content: samplePdf(), filename: "a.pdf" }],
        ],
        "transaction_id",
      ],
      [
        "transaction_id not a number",
        () => [
          ["transaction_id", "abc"],
          ["categorie", "offre"],
          ["file", { content: samplePdf(), filename: "a.pdf" }],
        ],
        "transaction_id",
      ],
      [
        "categorie missing",
        (id) => [
          ["transaction_id", String(id)],
          ["file", { content: samplePdf(), filename: "a.pdf" }],
        ],
        "categorie",
      ],
      [
        "categorie blank",
        (id) => [
          ["transaction_id", String(id)],
          ["categorie", "   "],
          ["file", { content: samplePdf(), filename: "a.pdf" }],
        ],
        "categorie",
      ],
      [
        "categorie over 50 characters",
        (id) => [
          ["transaction_id", String(id)],
          ["categorie", "x".repeat(51)],
          ["file", { content: samplePdf(), filename: "a.pdf" }],
        ],
        "categorie",
      ],
      [
        "file missing",
        (id) => [
          ["transaction_id", String(id)],
          ["categorie", "offre"],
        ],
        "file",
      ],
      [
        "file under another name",
        (id) => [
          ["transaction_id", String(id)],
          ["categorie", "offre"],
          ["document", { content: samplePdf(), filename: "a.pdf" }],
        ],
        "document",
      ],
      [
        "a field sent twice",
        (id) => [
          ["transaction_id", String(id)],
          ["categorie", "offre"],
          ["categorie", "autre"],
          ["file", { content: samplePdf(), filename: "a.pdf" }],
        ],
        "categorie",
      ],
    ])("answers 400 when %s", async (_label, parts, field) => {
      const error = await expectNothingStored(parts, 400, "VALIDATION_ERROR");
      expect(error.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it("answers 400 to a missing field sent after the file, removing the stored file", async () => {
      const error = await expectNothingStored(
        () => [
          ["file", { content: samplePdf(), filename: "a.pdf" }],
          ["categorie", "offre"],
        ],
        400,
        "VALIDATION_ERROR",
      );
      expect(error.fields.map((f: { field: string }) => f.field)).toEqual(["transaction_id"]);
    });

    it("refuses a second file", async () => {
      await expectNothingStored(
        (id) => [
          ["transaction_id", String(id)],
          ["categorie", "offre"],
          ["file", { content: samplePdf(), filename: "a.pdf" }],
          ["file", { content: samplePdf(), filename: "b.pdf" }],
        ],
        413,
        "PAYLOAD_TOO_LARGE",
      );
    });

    it("removes the stored file when the row cannot be written", async () => {
      // A real database failure, on the insert only: a trigger refusing one categorie.
      await ctx.database.db.execute(sql`
        create or replace function refuse_boom() returns trigger language plpgsql as $$
        begin
          if new.categorie = 'boom' then raise exception 'insert refused for the test'; end if;
          return new;
        end $$`);
      await ctx.database.db.execute(sql`
        create trigger refuse_boom before insert on transaction_documents
        for each row execute function refuse_boom()`);
      try {
        const { broker, transaction } = await createActiveClient(ctx);
        const before = storedFiles(ctx);
        const response = await upload(broker, [
          ["transaction_id", String(transaction.id)],
          ["categorie", "boom"],
          ["file", { content: samplePdf(), filename: "a.pdf" }],
        ]);
        expect(response.statusCode).toBe(500);
        expect(response.json().error.code).toBe("INTERNAL_ERROR");
        expect(await rowsOf(transaction.id)).toHaveLength(0);
        expect(storedFiles(ctx)).toEqual(before);
      } finally {
        await ctx.database.db.execute(sql`drop trigger refuse_boom on transaction_documents`);
      }
    });

    it("over a real connection, answers a refused upload at once and closes that connection", async () => {
      const address = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
      const { broker, transaction } = await createActiveClient(ctx);
      const send = async (content: Buffer) => {
        const form = new FormData();
        form.append("transaction_id", String(transaction.id));
        form.append("categorie", "offre");
        form.append("file", new Blob([content]), "facture.pdf");
        const response = await fetch(`${address}${URL}`, {
          method: "POST",
          body: form,
          headers: broker.auth,
        });
        await response.arrayBuffer();
        return response;
      };
      // Refused on its first bytes, 4 MB before the end of its body.
      const refused = await send(Buffer.concat([sampleExe(), Buffer.alloc(4 * MB)]));
      expect(refused.status).toBe(415);
      expect(refused.headers.get("connection")).toBe("close");
      const tooLarge = await send(Buffer.concat([samplePdf(), Buffer.alloc(4 * MB)]));
      expect(tooLarge.status).toBe(413);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const open = await new Promise<number>((resolve, reject) =>
        ctx.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      );
      expect(open).toBe(0);
      expect((await send(samplePdf())).status).toBe(201);
      expect(await rowsOf(transaction.id)).toHaveLength(1);
    });

    it("answers 400 to a JSON body", async () => {
      const { broker, transaction } = await createActiveClient(ctx);
      const response = await ctx.app.inject({
        method: "POST",
        url: URL,
        headers: broker.auth,
        payload: { transaction_id: transaction.id, categorie: "offre" },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(await rowsOf(transaction.id)).toHaveLength(0);
    });
  });

  describeAuthorization("POST /portail/transaction-documents", ctx, async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const otherBroker = await createBroker(ctx);
    const body = await multipart([
      ["transaction_id", String(transaction.id)],
      ["categorie", "offre"],
      ["file", { content: samplePdf(), filename: "offre.pdf" }],
    ]);
    return {
      request: { method: "POST", url: URL, headers: body.headers, payload: body.payload },
      owner: broker,
      otherBroker,
      wrongRole: client,
      snapshot: async () => ({ rows: await rowsOf(transaction.id), files: storedFiles(ctx) }),
    };
  });
});
