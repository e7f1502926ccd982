import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createActiveClient,
  createBroker,
  type TestUser,
  updateInvitation,
} from "../../../test/factories.ts";
import {
  documentDetail,
  sampleDocx,
  samplePdf,
  samplePng,
  storedFiles,
  uploadDocument,
} from "../../../test/files.ts";
import { describeAuthorization } from "../../../test/security.ts";
import { countQueries } from "../../db/client.ts";
import { transaction_documents } from "../../db/schema.ts";
import { createDownloadSigner } from "./download-token.ts";

const ctx = useTestApp();
const BASE = "/api/v1/portail/transaction-documents";

const get = (user: TestUser | undefined, url: string) =>
  ctx.app.inject({ method: "GET", url, headers: user?.auth ?? {} });

const documentRow = async (id: number) =>
  (
    await ctx.database.db
      .select()
      .from(transaction_documents)
      .where(eq(transaction_documents.id, id))
  )[0];

/** A broker, their client (invitation flags overridable) and one shared PDF. */
async function sharedPdf(
  invitation: Parameters<typeof createActiveClient>[2] = {},
  nom = "Rapport d'inspection – Côté.pdf",
) {
  const parties = await createActiveClient(ctx, undefined, invitation);
  const document = await uploadDocument(ctx, parties.broker, parties.transaction.id, {
    content: samplePdf(),
    filename: nom,
  });
  return { ...parties, document };
}

describe("GET /portail/transaction-documents/transaction/{transaction_id}", () => {
  it("lists a transaction's documents newest first, with who shared each, to both parties", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const first = await uploadDocument(ctx, broker, transaction.id, undefined, "offre");
    const second = await uploadDocument(
      ctx,
      broker,
      transaction.id,
      { content: samplePng(), filename: "plan.png" },
      "inspection",
    );
    for (const user of [broker, client]) {
      const response = await get(user, `${BASE}/transaction/${transaction.id}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      expect(page).toMatchObject({ total: 2, skip: 0, limit: 20 });
      expect(page.items.map((d: { id: number }) => d.id)).toEqual([second.id, first.id]);
      expect(page.items[0]).toMatchObject({
        nom: "plan.png",
        type: "image",
        partage_par: {
          id: broker.user.id,
          first_name: "Marie",
          last_name: "Tremblay",
          role: "courtier",
        },
      });
      expect(page.items[0]).not.toHaveProperty("storage_key");
    }
  });

  it("filters by categorie and pages with skip/limit", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    for (const categorie of ["offre", "inspection", "offre", "offre"]) {
      await uploadDocument(ctx, broker, transaction.id, undefined, categorie);
    }
    const filtered = await get(broker, `${BASE}/transaction/${transaction.id}?categorie=offre`);
    expect(filtered.json()).toMatchObject({ total: 3 });
    expect(filtered.json().items.every((d: { categorie: string }) => d.categorie === "offre")).toBe(
      true,
    );

    const page = await get(broker, `${BASE}/transaction/${transaction.id}?skip=1&limit=2`);
    expect(page.json()).toMatchObject({ total: 4, skip: 1, limit: 2 });
    expect(page.json().items).toHaveLength(2);
    expect(page.json().items[0]).not.toHaveProperty("total");

    // A page past the end has no row to carry the total: it is counted apart.
    const past = await get(broker, `${BASE}/transaction/${transaction.id}?skip=10&limit=2`);
    expect(past.json()).toEqual({ items: [], total: 4, skip: 10, limit: 2 });

    const empty = await get(broker, `${BASE}/transaction/${transaction.id}?categorie=notaire`);
    expect(empty.json()).toEqual({ items: [], total: 0, skip: 0, limit: 20 });
  });

  it("shows a null sharer once the sharing account is gone", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const document = await uploadDocument(ctx, broker, transaction.id);
    await ctx.database.db
      .update(transaction_documents)
      .set({ partage_par_id: null })
      .where(eq(transaction_documents.id, document.id));
    const response = await get(broker, `${BASE}/transaction/${transaction.id}`);
    expect(response.json().items[0].partage_par).toBeNull();
  });

  it("takes the same number of queries for 3 or 30 documents", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const measure = async () =>
      (await countQueries(() => get(broker, `${BASE}/transaction/${transaction.id}?limit=100`)))
        .queries;
    for (let i = 0; i < 3; i++) await uploadDocument(ctx, broker, transaction.id);
    const few = await measure();
    for (let i = 0; i < 27; i++) await uploadDocument(ctx, broker, transaction.id);
    expect(await measure()).toBe(few);
    // Authentication, the transaction's access check, the page with its total.
    expect(few).toBe(3);
  });

  it.each([
    ["limit over 100", "?limit=101", "limit"],
    ["negative skip", "?skip=-1", "skip"],
    ["categorie over 50 characters", `?categorie=${"x".repeat(51)}`, "categorie"],
  ])("answers 400 to %s", async (_label, query, field) => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await get(broker, `${BASE}/transaction/${transaction.id}${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it("answers 400 to a transaction id that is not a number", async () => {
    const broker = await createBroker(ctx);
    expect((await get(broker, `${BASE}/transaction/abc`)).statusCode).toBe(400);
  });

  describeAuthorization("GET /portail/transaction-documents/transaction/{id}", ctx, async () => {
    const { broker, client, transaction } = await sharedPdf({ acces_documents: false });
    return {
      request: { method: "GET", url: `${BASE}/transaction/${transaction.id}` },
      owner: broker,
      otherBroker: await createBroker(ctx),
      clientWithoutAccess: client,
    };
  });

  it("refuses a client whose acces_documents was turned off, on their own transaction", async () => {
    const { client, invitation, transaction } = await sharedPdf();
    await updateInvitation(ctx, invitation.id, { acces_documents: false });
    const response = await get(client, `${BASE}/transaction/${transaction.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("ACCESS_DISABLED");
  });
});

describe("GET /portail/transaction-documents/{id}", () => {
  it("gives the detail and a download link valid 5 minutes for the caller", async () => {
    const { client, document } = await sharedPdf();
    const detail = await documentDetail(ctx, client, document.id);
    expect(detail).toMatchObject({ ...document });
    expect(detail.download_url).toMatch(
      new RegExp(
        `^/api/v1/portail/transaction-documents/${document.id}/download\\?token=[\\w.-]+$`,
      ),
    );
    const ttl = new Date(detail.download_url_expires_at).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
    // Reading the detail is not opening the file.
    expect((await documentRow(document.id))!.nouveau).toBe(true);
  });

  it("answers 404 to an unknown id and 400 to a non-numeric one", async () => {
    const broker = await createBroker(ctx);
    expect((await get(broker, `${BASE}/999999`)).statusCode).toBe(404);
    expect((await get(broker, `${BASE}/abc`)).statusCode).toBe(400);
  });

  describeAuthorization("GET /portail/transaction-documents/{id}", ctx, async () => {
    const { broker, client, document } = await sharedPdf({ acces_documents: false });
    return {
      request: { method: "GET", url: `${BASE}/${document.id}` },
      owner: broker,
      otherBroker: await createBroker(ctx),
      clientWithoutAccess: client,
    };
  });

  it("serves the transaction's client too", async () => {
    const { client, document } = await sharedPdf();
    expect((await get(client, `${BASE}/${document.id}`)).statusCode).toBe(200);
  });
});

describe("GET /portail/transaction-documents/{id}/download", () => {
  it("streams the file as an attachment with its accented name, type, length and nosniff", async () => {
    const { client, document } = await sharedPdf({}, "Rapport d'inspection – Côté.pdf");
    const { download_url } = await documentDetail(ctx, client, document.id);
    const response = await get(client, download_url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.rawPayload.equals(samplePdf())).toBe(true);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-length"]).toBe(String(samplePdf().length));
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="Rapport d'inspection _ Cote.pdf"; ` +
        "filename*=UTF-8''Rapport%20d%27inspection%20%E2%80%93%20C%C3%B4t%C3%A9.pdf",
    );
    expect(response.headers["cache-control"]).toBe("private, no-store");
  });

  it("sends text with its charset", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const document = await uploadDocument(ctx, broker, transaction.id, {
      content: Buffer.from("Côté;450000\n"),
      filename: "prix.csv",
    });
    const { download_url } = await documentDetail(ctx, client, document.id);
    const response = await get(client, download_url);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.body).toBe("Côté;450000\n");
  });

  it("opens PDFs and images inline, sandboxed, and still nosniff", async () => {
    const { broker, client, transaction, document } = await sharedPdf({}, "offre.pdf");
    const image = await uploadDocument(ctx, broker, transaction.id, {
      content: samplePng(),
      filename: "plan.png",
    });
    for (const [id, type] of [
      [document.id, "application/pdf"],
      [image.id, "image/png"],
    ] as const) {
      const { download_url } = await documentDetail(ctx, client, id);
      const response = await get(client, `${download_url}&disposition=inline`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers["content-type"]).toBe(type);
      expect(response.headers["content-disposition"]).toMatch(/^inline; filename=/);
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["content-security-policy"]).toMatch(/(^|; )sandbox($|;)/);
      expect(response.headers["content-security-policy"]).toContain("default-src 'none'");
    }
  });

  it("refuses inline for anything but PDFs and images", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    for (const file of [
      { content: sampleDocx(), filename: "mandat.docx" },
      { content: Buffer.from("<b>hello</b>"), filename: "notes.txt" },
    ]) {
      const document = await uploadDocument(ctx, broker, transaction.id, file);
      const { download_url } = await documentDetail(ctx, client, document.id);
      const inline = await get(client, `${download_url}&disposition=inline`);
      expect(inline.statusCode).toBe(400);
      expect(inline.json().error.fields[0].field).toBe("disposition");
      const attachment = await get(client, download_url);
      expect(attachment.statusCode).toBe(200);
      expect(attachment.headers["content-disposition"]).toMatch(/^attachment;/);
    }
  });

  it("clears nouveau on the client's first download, not on the broker's", async () => {
    const { broker, client, document } = await sharedPdf();
    const asBroker = await documentDetail(ctx, broker, document.id);
    expect((await get(broker, asBroker.download_url)).statusCode).toBe(200);
    expect((await documentRow(document.id))!.nouveau).toBe(true);

    const asClient = await documentDetail(ctx, client, document.id);
    expect((await get(client, asClient.download_url)).statusCode).toBe(200);
    expect((await documentRow(document.id))!.nouveau).toBe(false);
    expect((await documentDetail(ctx, broker, document.id)).nouveau).toBe(false);

    // Later downloads keep working and keep it cleared.
    expect((await get(client, asClient.download_url)).statusCode).toBe(200);
    expect((await documentRow(document.id))!.nouveau).toBe(false);
  });

  it("needs the bearer token too: the signed link alone opens nothing", async () => {
    const { client, document } = await sharedPdf();
    const { download_url } = await documentDetail(ctx, client, document.id);
    const response = await get(undefined, download_url);
    expect(response.statusCode).toBe(401);
    expect((await documentRow(document.id))!.nouveau).toBe(true);
  });

  it("refuses a link made for someone else or another document (403), or expired (410)", async () => {
    const { broker, client, transaction, document } = await sharedPdf();
    const other = await uploadDocument(ctx, broker, transaction.id);
    const forBroker = await documentDetail(ctx, broker, document.id);
    const forOther = await documentDetail(ctx, client, other.id);
    const signer = createDownloadSigner(ctx.config.jwtSecret!, -10);
    const { token: expired } = await signer.sign({
      documentId: document.id,
      userId: client.user.id,
    });
    const foreignKey = createDownloadSigner("another-secret-that-is-long-enough-to-sign");
    const { token: forged } = await foreignKey.sign({
      documentId: document.id,
      userId: client.user.id,
    });

    const tokenOf = (url: string) => new URL(url, "http://x").searchParams.get("token")!;
    const attempts: Array<[string, number, string]> = [
      [tokenOf(forBroker.download_url), 403, "FORBIDDEN"],
      [tokenOf(forOther.download_url), 403, "FORBIDDEN"],
      [forged, 403, "FORBIDDEN"],
      ["not-a-token", 403, "FORBIDDEN"],
      [expired, 410, "EXPIRED"],
      // An access token is not a download link.
      [client.token, 403, "FORBIDDEN"],
    ];
    for (const [token, status, code] of attempts) {
      const response = await get(client, `${BASE}/${document.id}/download?token=${token}`);
      expect(response.statusCode, token).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    const missing = await get(client, `${BASE}/${document.id}/download`);
    expect(missing.statusCode).toBe(400);
    expect((await documentRow(document.id))!.nouveau).toBe(true);
  });

  it("answers 400 to an unknown disposition", async () => {
    const { client, document } = await sharedPdf();
    const { download_url } = await documentDetail(ctx, client, document.id);
    expect((await get(client, `${download_url}&disposition=script`)).statusCode).toBe(400);
  });

  // The link is the broker's, so the suite's refusals happen before the link is even read.
  describeAuthorization("GET /portail/transaction-documents/{id}/download", ctx, async () => {
    const { broker, client, document } = await sharedPdf({ acces_documents: false });
    const { download_url } = await documentDetail(ctx, broker, document.id);
    return {
      request: { method: "GET", url: download_url },
      owner: broker,
      otherBroker: await createBroker(ctx),
      clientWithoutAccess: client,
      snapshot: async () => documentRow(document.id),
    };
  });

  it("refuses the client once acces_documents is off, even with a fresh link", async () => {
    const { client, invitation, document } = await sharedPdf();
    const { download_url } = await documentDetail(ctx, client, document.id);
    await updateInvitation(ctx, invitation.id, { acces_documents: false });
    const response = await get(client, download_url);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("ACCESS_DISABLED");
    expect((await documentRow(document.id))!.nouveau).toBe(true);
  });
});

describe("DELETE /portail/transaction-documents/{id}", () => {
  const remove = (user: TestUser, id: number) =>
    ctx.app.inject({ method: "DELETE", url: `${BASE}/${id}`, headers: user.auth });

  it("removes the row and the stored file", async () => {
    const { broker, client, document } = await sharedPdf();
    const key = (await documentRow(document.id))!.storage_key;
    expect(await ctx.app.storage.exists(key)).toBe(true);
    const { download_url } = await documentDetail(ctx, client, document.id);

    const response = await remove(broker, document.id);
    expect(response.statusCode, response.body).toBe(204);
    expect(await documentRow(document.id)).toBeUndefined();
    expect(await ctx.app.storage.exists(key)).toBe(false);
    expect(storedFiles(ctx)).not.toContain(key);
    expect((await get(client, download_url)).statusCode).toBe(404);
    expect((await remove(broker, document.id)).statusCode).toBe(404);
  });

  it("answers 400 to a non-numeric id", async () => {
    const broker = await createBroker(ctx);
    expect((await remove(broker, Number.NaN)).statusCode).toBe(400);
  });

  describeAuthorization("DELETE /portail/transaction-documents/{id}", ctx, async () => {
    const { broker, client, document } = await sharedPdf();
    const key = (await documentRow(document.id))!.storage_key;
    return {
      request: { method: "DELETE", url: `${BASE}/${document.id}` },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: async () => ({
        row: await documentRow(document.id),
        stored: await ctx.app.storage.exists(key),
      }),
    };
  });
});
