import { asc, eq } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import { addEtapes } from "../../../test/dashboard-fixtures.ts";
import { createActiveClient, createBroker, type TestUser } from "../../../test/factories.ts";
import { describeAuthorization } from "../../../test/security.ts";
import { transaction_etapes } from "../../db/schema.ts";

const ctx = useTestApp();
const BASE = "/api/v1/portail/transaction-etapes";

const call = (user: TestUser, method: InjectOptions["method"], url: string, payload?: object) =>
  ctx.app.inject({ method, url: `${BASE}${url}`, headers: user.auth, payload });

async function etapesOf(transactionId: number) {
  return ctx.database.db
    .select()
    .from(transaction_etapes)
    .where(eq(transaction_etapes.transaction_id, transactionId))
    .orderBy(asc(transaction_etapes.ordre), asc(transaction_etapes.id));
}

const titles = async (transactionId: number) =>
  (await etapesOf(transactionId)).map((e) => `${e.ordre}:${e.titre}`);

const fieldsOf = (response: { json(): { error: { fields?: { field: string }[] } } }) =>
  (response.json().error.fields ?? []).map((f) => f.field);

/** A broker, their client and a transaction with étapes A, B, C. */
async function withEtapes() {
  const parties = await createActiveClient(ctx);
  const etapes = await addEtapes(ctx, parties.transaction.id, 3, (i) => ({
    titre: ["A", "B", "C"][i]!,
  }));
  return { ...parties, etapes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("POST /portail/transaction-etapes", () => {
  it("adds an étape last, with its date and time exactly as sent", async () => {
    const { broker, transaction } = await withEtapes();
    const response = await call(broker, "POST", "/", {
      transaction_id: transaction.id,
      titre: "  Inspection du bâtiment ",
      description: "Avec l'inspecteur",
      statut: "planifie",
      date_planifiee: "2026-03-01",
      heure_planifiee: "09:30",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      transaction_id: transaction.id,
      titre: "Inspection du bâtiment",
      description: "Avec l'inspecteur",
      ordre: 4,
      statut: "planifie",
      date_planifiee: "2026-03-01",
      heure_planifiee: "09:30",
      date_completion: null,
    });
    const [, , , stored] = await etapesOf(transaction.id);
    expect(stored).toMatchObject({ date_planifiee: "2026-03-01", heure_planifiee: "09:30:00" });
  });

  it("inserts at a position, moving the following étapes down", async () => {
    const { broker, transaction } = await withEtapes();
    const response = await call(broker, "POST", "/", {
      transaction_id: transaction.id,
      titre: "X",
      ordre: 2,
    });
    expect(response.json()).toMatchObject({ ordre: 2, statut: "a_planifier" });
    expect(await titles(transaction.id)).toEqual(["1:A", "2:X", "3:B", "4:C"]);
    // A position past the end means last.
    await call(broker, "POST", "/", { transaction_id: transaction.id, titre: "Z", ordre: 99 });
    expect((await titles(transaction.id)).at(-1)).toBe("5:Z");
  });

  it("records date_completion for an étape created complete", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await call(broker, "POST", "/", {
      transaction_id: transaction.id,
      titre: "Déjà fait",
      statut: "complete",
    });
    expect(response.json()).toMatchObject({ ordre: 1, statut: "complete" });
    expect(Date.parse(response.json().date_completion)).toBeGreaterThan(Date.now() - 60_000);
  });

  it.each([
    [{ transaction_id: undefined }, "transaction_id"],
    [{ titre: "" }, "titre"],
    [{ titre: "   " }, "titre"],
    [{ titre: "x".repeat(201) }, "titre"],
    [{ ordre: 0 }, "ordre"],
    [{ statut: "termine" }, "statut"],
    [{ date_planifiee: "2026-02-29" }, "date_planifiee"],
    [{ date_planifiee: "2026-03-01T10:00:00" }, "date_planifiee"],
    [{ heure_planifiee: "25:00" }, "heure_planifiee"],
    [{ heure_planifiee: "9h30" }, "heure_planifiee"],
  ])("refuses %j with 400 on %s and adds nothing", async (payload, field) => {
    const { broker, transaction } = await withEtapes();
    const response = await call(broker, "POST", "/", {
      transaction_id: transaction.id,
      titre: "Valide",
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(await etapesOf(transaction.id)).toHaveLength(3);
  });

  describeAuthorization("POST /portail/transaction-etapes", ctx, async () => {
    const { broker, client, transaction } = await withEtapes();
    return {
      request: {
        method: "POST",
        url: `${BASE}/`,
        payload: { transaction_id: transaction.id, titre: "Nouvelle" },
      },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: () => etapesOf(transaction.id),
    };
  });
});

describe("PUT /portail/transaction-etapes/:id", () => {
  it("updates only the fields sent", async () => {
    const { broker, etapes } = await withEtapes();
    const response = await call(broker, "PUT", `/${etapes[1]!.id}`, {
      date_planifiee: "2026-03-01",
      heure_planifiee: "23:45:00",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      titre: "B",
      ordre: 2,
      date_planifiee: "2026-03-01",
      heure_planifiee: "23:45",
    });
    const cleared = await call(broker, "PUT", `/${etapes[1]!.id}`, {
      heure_planifiee: null,
      description: null,
      titre: "B2",
    });
    expect(cleared.json()).toMatchObject({
      titre: "B2",
      heure_planifiee: null,
      date_planifiee: "2026-03-01",
    });
  });

  it("sets date_completion on complete and clears it when reopened", async () => {
    const { broker, client, etapes } = await withEtapes();
    const done = await call(broker, "PUT", `/${etapes[0]!.id}`, { statut: "complete" });
    expect(done.json().statut).toBe("complete");
    const completedAt = done.json().date_completion;
    expect(completedAt).toEqual(expect.any(String));
    // Completing again keeps the first date.
    const again = await call(broker, "PUT", `/${etapes[0]!.id}`, { statut: "complete" });
    expect(again.json().date_completion).toBe(completedAt);
    const reopened = await call(broker, "PUT", `/${etapes[0]!.id}`, { statut: "en_cours" });
    expect(reopened.json()).toMatchObject({ statut: "en_cours", date_completion: null });
    // The client's dashboard counts it again as upcoming.
    const dashboard = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/portail/transactions/client",
      headers: client.auth,
    });
    expect(dashboard.json().stats.upcoming_etapes).toBe(3);
  });

  it("moves an étape with ordre and renumbers the others", async () => {
    const { broker, transaction, etapes } = await withEtapes();
    const response = await call(broker, "PUT", `/${etapes[2]!.id}`, { ordre: 1 });
    expect(response.json().ordre).toBe(1);
    expect(await titles(transaction.id)).toEqual(["1:C", "2:A", "3:B"]);
  });

  it.each([
    [{ titre: "" }, "titre"],
    [{ statut: "fini" }, "statut"],
    [{ ordre: -1 }, "ordre"],
    [{ date_planifiee: "03/01/2026" }, "date_planifiee"],
    [{ heure_planifiee: "12:60" }, "heure_planifiee"],
  ])("refuses %j with 400 on %s and changes nothing", async (payload, field) => {
    const { broker, transaction, etapes } = await withEtapes();
    const before = await etapesOf(transaction.id);
    const response = await call(broker, "PUT", `/${etapes[0]!.id}`, payload);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(await etapesOf(transaction.id)).toEqual(before);
  });

  it("answers 404 for an unknown étape", async () => {
    const broker = await createBroker(ctx);
    expect((await call(broker, "PUT", "/99999999", { titre: "X" })).statusCode).toBe(404);
  });

  describeAuthorization("PUT /portail/transaction-etapes/:id", ctx, async () => {
    const { broker, client, transaction, etapes } = await withEtapes();
    return {
      request: {
        method: "PUT",
        url: `${BASE}/${etapes[0]!.id}`,
        payload: { titre: "Changé", statut: "complete", ordre: 3 },
      },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: () => etapesOf(transaction.id),
    };
  });
});

describe("DELETE /portail/transaction-etapes/:id", () => {
  it("removes the étape and closes the gap", async () => {
    const { broker, transaction, etapes } = await withEtapes();
    const response = await call(broker, "DELETE", `/${etapes[0]!.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    expect(await titles(transaction.id)).toEqual(["1:B", "2:C"]);
    expect((await call(broker, "DELETE", `/${etapes[0]!.id}`)).statusCode).toBe(404);
  });

  it("answers 400 for a bad id", async () => {
    const broker = await createBroker(ctx);
    const response = await call(broker, "DELETE", "/abc");
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(["id"]);
  });

  describeAuthorization("DELETE /portail/transaction-etapes/:id", ctx, async () => {
    const { broker, client, transaction, etapes } = await withEtapes();
    return {
      request: { method: "DELETE", url: `${BASE}/${etapes[1]!.id}` },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: () => etapesOf(transaction.id),
    };
  });
});

describe("GET /portail/transaction-etapes/transaction/:transaction_id", () => {
  it("lists the étapes in order to the broker and to the client alike", async () => {
    const { broker, client, transaction, etapes } = await withEtapes();
    await call(broker, "PUT", `/${etapes[0]!.id}`, { ordre: 3 });
    const asBroker = await call(broker, "GET", `/transaction/${transaction.id}`);
    const asClient = await call(client, "GET", `/transaction/${transaction.id}`);
    expect(asBroker.statusCode).toBe(200);
    expect(asClient.json()).toEqual(asBroker.json());
    expect(asBroker.json()).toMatchObject({ total: 3, skip: 0, limit: 100 });
    expect(asBroker.json().items.map((e: { titre: string }) => e.titre)).toEqual(["B", "C", "A"]);
  });

  it("is shown to a client whatever their access flags", async () => {
    const { client, transaction } = await createActiveClient(ctx, undefined, {
      acces_documents: false,
      acces_messagerie: false,
      acces_taches: false,
      acces_calendrier: false,
    });
    await addEtapes(ctx, transaction.id, 2);
    const response = await call(client, "GET", `/transaction/${transaction.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(2);
  });

  it("paginates", async () => {
    const { broker, transaction } = await withEtapes();
    const page = await call(broker, "GET", `/transaction/${transaction.id}?skip=1&limit=1`);
    expect(page.json()).toMatchObject({ total: 3, skip: 1, limit: 1 });
    expect(page.json().items.map((e: { titre: string }) => e.titre)).toEqual(["B"]);
  });

  it("answers 404 to another client, 400 for bad parameters", async () => {
    const { transaction } = await withEtapes();
    const { client: stranger } = await createActiveClient(ctx);
    expect((await call(stranger, "GET", `/transaction/${transaction.id}`)).statusCode).toBe(404);
    const bad = await call(stranger, "GET", "/transaction/xyz");
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(["transaction_id"]);
    const limit = await call(stranger, "GET", `/transaction/${transaction.id}?limit=500`);
    expect(limit.statusCode).toBe(400);
    expect(fieldsOf(limit)).toEqual(["limit"]);
  });

  it("never shifts a planned date, even when it is already tomorrow in UTC", async () => {
    // 23:59 on March 1 in Montréal is 04:59 on March 2 in UTC.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-02T04:59:00Z") });
    const { broker, client, transaction } = await createActiveClient(ctx);
    const created = await call(broker, "POST", "/", {
      transaction_id: transaction.id,
      titre: "Signature",
      date_planifiee: "2026-03-01",
      heure_planifiee: "23:59",
    });
    expect(created.json()).toMatchObject({
      date_planifiee: "2026-03-01",
      heure_planifiee: "23:59",
    });
    const listed = await call(client, "GET", `/transaction/${transaction.id}`);
    expect(listed.json().items[0]).toMatchObject({
      date_planifiee: "2026-03-01",
      heure_planifiee: "23:59",
    });
    const [row] = await etapesOf(transaction.id);
    expect(row!.date_planifiee).toBe("2026-03-01");
  });

  describeAuthorization(
    "GET /portail/transaction-etapes/transaction/:id (broker)",
    ctx,
    async () => {
      const { broker, transaction } = await withEtapes();
      return {
        request: { method: "GET", url: `${BASE}/transaction/${transaction.id}` },
        owner: broker,
        otherBroker: await createBroker(ctx),
      };
    },
  );

  describeAuthorization(
    "GET /portail/transaction-etapes/transaction/:id (client)",
    ctx,
    async () => {
      const { client, transaction } = await withEtapes();
      return {
        request: { method: "GET", url: `${BASE}/transaction/${transaction.id}` },
        owner: client,
        otherBroker: await createBroker(ctx),
      };
    },
  );
});

describe("PUT /portail/transaction-etapes/transaction/:transaction_id/order", () => {
  it("sets the new order", async () => {
    const { broker, transaction, etapes } = await withEtapes();
    const [a, b, c] = etapes.map((e) => e.id);
    const response = await call(broker, "PUT", `/transaction/${transaction.id}/order`, {
      ids: [c, a, b],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(
      response.json().items.map((e: { id: number; ordre: number }) => [e.id, e.ordre]),
    ).toEqual([
      [c, 1],
      [a, 2],
      [b, 3],
    ]);
    expect(await titles(transaction.id)).toEqual(["1:C", "2:A", "3:B"]);
  });

  it("refuses ids that are not exactly this transaction's étapes, changing nothing", async () => {
    const { broker, transaction, etapes } = await withEtapes();
    const other = await withEtapes();
    const [a, b, c] = etapes.map((e) => e.id);
    const before = await etapesOf(transaction.id);
    for (const ids of [
      [a, b],
      [a, b, c, other.etapes[0]!.id],
      [a, b, other.etapes[0]!.id],
      [a, b, 99999999],
      [a, a, b],
      [],
      ["x"],
    ]) {
      const response = await call(broker, "PUT", `/transaction/${transaction.id}/order`, { ids });
      expect(response.statusCode, JSON.stringify(ids)).toBe(400);
      expect(fieldsOf(response)[0]).toMatch(/^ids/);
    }
    expect(await etapesOf(transaction.id)).toEqual(before);
    expect((await etapesOf(other.transaction.id)).map((e) => e.ordre)).toEqual([1, 2, 3]);
  });

  describeAuthorization("PUT /portail/transaction-etapes/transaction/:id/order", ctx, async () => {
    const { broker, client, transaction, etapes } = await withEtapes();
    return {
      request: {
        method: "PUT",
        url: `${BASE}/transaction/${transaction.id}/order`,
        payload: { ids: etapes.map((e) => e.id).reverse() },
      },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: () => etapesOf(transaction.id),
    };
  });
});
