import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createActiveClient,
  createBroker,
  createTransactionScenario,
  type TestUser,
  updateInvitation,
} from "../../../test/factories.ts";
import { describeAuthorization } from "../../../test/security.ts";
import { insertTaches, storedTache, tachesSnapshot } from "./test-helpers.ts";

const ctx = useTestApp();
const BASE = "/api/v1/portail/transaction-taches";

const create = (user: TestUser, payload: unknown) =>
  ctx.app.inject({ method: "POST", url: BASE, headers: user.auth, payload: payload as object });
const update = (user: TestUser, id: number | string, payload: unknown) =>
  ctx.app.inject({
    method: "PUT",
    url: `${BASE}/${id}`,
    headers: user.auth,
    payload: payload as object,
  });
const toggle = (user: TestUser, id: number | string) =>
  ctx.app.inject({ method: "PUT", url: `${BASE}/${id}/toggle`, headers: user.auth });
const remove = (user: TestUser, id: number | string) =>
  ctx.app.inject({ method: "DELETE", url: `${BASE}/${id}`, headers: user.auth });
const list = (user: TestUser, transactionId: number, query = "") =>
  ctx.app.inject({
    method: "GET",
    url: `${BASE}/transaction/${transactionId}${query}`,
    headers: user.auth,
  });

const fieldsOf = (body: { error: { fields?: { field: string }[] } }) =>
  (body.error.fields ?? []).map((f) => f.field);

describe("POST /portail/transaction-taches", () => {
  it("creates a task with every field, as its broker", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await create(broker, {
      transaction_id: transaction.id,
      titre: "  Fournir la lettre d'emploi  ",
      description: "Votre employeur peut l'envoyer au prêteur.",
      priorite: "haute",
      categorie: "Financement",
      echeance: "2026-03-01",
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      transaction_id: transaction.id,
      titre: "Fournir la lettre d'emploi",
      description: "Votre employeur peut l'envoyer au prêteur.",
      priorite: "haute",
      categorie: "Financement",
      echeance: "2026-03-01",
      completee: false,
      date_completion: null,
      cree_par: {
        id: broker.user.id,
        first_name: broker.user.first_name,
        last_name: broker.user.last_name,
      },
    });
    expect(typeof body.en_retard).toBe("boolean");
    expect(await storedTache(ctx, body.id)).toMatchObject({
      titre: "Fournir la lettre d'emploi",
      echeance: "2026-03-01",
      cree_par_id: broker.user.id,
    });
  });

  it("defaults priorite to moyenne and leaves the optional fields empty", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await create(broker, {
      transaction_id: transaction.id,
      titre: "Signer la promesse d'achat",
      description: "   ",
      categorie: null,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      priorite: "moyenne",
      description: null,
      categorie: null,
      echeance: null,
      en_retard: false,
    });
  });

  it.each([
    ["no titre", { titre: undefined }, "titre"],
    ["an empty titre", { titre: "" }, "titre"],
    ["a blank titre", { titre: "   " }, "titre"],
    ["a titre of 201 characters", { titre: "t".repeat(201) }, "titre"],
    ["a NUL in the titre", { titre: "a\u0000b" }, "titre"],
    ["an unknown priorite", { priorite: "urgente" }, "priorite"],
    ["an impossible echeance", { echeance: "2026-02-30" }, "echeance"],
    ["a French-style echeance", { echeance: "01/03/2026" }, "echeance"],
    ["a timestamp as echeance", { echeance: "2026-03-01T00:00:00Z" }, "echeance"],
    ["a description of 5001 characters", { description: "d".repeat(5001) }, "description"],
    ["a categorie of 101 characters", { categorie: "c".repeat(101) }, "categorie"],
    ["no transaction", { transaction_id: undefined }, "transaction_id"],
    ["a text transaction id", { transaction_id: "1" }, "transaction_id"],
  ])("refuses %s with 400 and writes nothing", async (_name, change, field) => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await create(broker, {
      transaction_id: transaction.id,
      titre: "Valide",
      ...change,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_ERROR");
    expect(fieldsOf(response.json())).toContain(field);
    expect(await tachesSnapshot(ctx, transaction.id)()).toEqual([]);
  });

  it("accepts a titre of exactly 200 characters", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await create(broker, {
      transaction_id: transaction.id,
      titre: "t".repeat(200),
    });
    expect(response.statusCode).toBe(201);
  });

  it("answers 404 for a transaction that does not exist", async () => {
    const broker = await createBroker(ctx);
    const response = await create(broker, { transaction_id: 2_000_000_000, titre: "X" });
    expect(response.statusCode).toBe(404);
  });
});

describe("PUT /portail/transaction-taches/:id", () => {
  it("changes only the fields sent", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const [tache] = await insertTaches(ctx, transaction.id, [
      {
        titre: "Avant",
        description: "Garder",
        priorite: "basse",
        categorie: "Inspection",
        echeance: "2026-04-01",
        cree_par_id: broker.user.id,
      },
    ]);
    const response = await update(broker, tache!.id, { titre: "Après", priorite: "haute" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      titre: "Après",
      priorite: "haute",
      description: "Garder",
      categorie: "Inspection",
      echeance: "2026-04-01",
      cree_par: { id: broker.user.id },
    });
    const stored = await storedTache(ctx, tache!.id);
    expect(stored).toMatchObject({ titre: "Après", description: "Garder", echeance: "2026-04-01" });
    expect(stored!.updated_at.getTime()).toBeGreaterThanOrEqual(tache!.updated_at.getTime());
  });

  it("clears echeance with null and description with a blank", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const [tache] = await insertTaches(ctx, transaction.id, [
      { description: "Texte", echeance: "2026-04-01" },
    ]);
    const response = await update(broker, tache!.id, { echeance: null, description: " " });
    expect(response.json()).toMatchObject({ echeance: null, description: null });
    expect(await storedTache(ctx, tache!.id)).toMatchObject({ echeance: null, description: null });
  });

  it("keeps date_completion consistent when completee is set", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const [tache] = await insertTaches(ctx, transaction.id, [{}]);
    const done = await update(broker, tache!.id, { completee: true });
    expect(done.json()).toMatchObject({ completee: true, date_completion: expect.any(String) });
    const completedAt = done.json().date_completion;

    // Completing an already completed task keeps when it was first completed.
    const again = await update(broker, tache!.id, { completee: true, titre: "Renommée" });
    expect(again.json()).toMatchObject({ completee: true, date_completion: completedAt });

    const reopened = await update(broker, tache!.id, { completee: false });
    expect(reopened.json()).toMatchObject({ completee: false, date_completion: null });
    expect(await storedTache(ctx, tache!.id)).toMatchObject({
      completee: false,
      date_completion: null,
    });
  });

  it.each([
    ["an empty body", {}, undefined],
    ["an empty titre", { titre: "" }, "titre"],
    ["an unknown priorite", { priorite: "urgente" }, "priorite"],
    ["an impossible echeance", { echeance: "2025-02-29" }, "echeance"],
    ["a text completee", { completee: "oui" }, "completee"],
  ])("refuses %s with 400 and changes nothing", async (_name, payload, field) => {
    const { broker, transaction } = await createActiveClient(ctx);
    await insertTaches(ctx, transaction.id, [{}]);
    const snapshot = tachesSnapshot(ctx, transaction.id);
    const before = await snapshot();
    const response = await update(broker, before[0]!.id, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_ERROR");
    if (field) expect(fieldsOf(response.json())).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    const broker = await createBroker(ctx);
    expect((await update(broker, "abc", { titre: "X" })).statusCode).toBe(400);
    expect((await update(broker, 2_000_000_000, { titre: "X" })).statusCode).toBe(404);
  });
});

describe("DELETE /portail/transaction-taches/:id", () => {
  it("deletes the task", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const [kept, gone] = await insertTaches(ctx, transaction.id, [{}, {}]);
    const response = await remove(broker, gone!.id);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    expect((await tachesSnapshot(ctx, transaction.id)()).map((row) => row.id)).toEqual([kept!.id]);
    expect((await remove(broker, gone!.id)).statusCode).toBe(404);
  });

  it("answers 400 for a malformed id", async () => {
    const broker = await createBroker(ctx);
    expect((await remove(broker, "-1")).statusCode).toBe(400);
  });
});

describe("PUT /portail/transaction-taches/:id/toggle", () => {
  it("lets the client tick a task off and reopen it, setting and clearing date_completion", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const [tache] = await insertTaches(ctx, transaction.id, [{ cree_par_id: broker.user.id }]);
    const start = Date.now();

    const done = await toggle(client, tache!.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      id: tache!.id,
      completee: true,
      en_retard: false,
      cree_par: { id: broker.user.id },
    });
    const completedAt = new Date(done.json().date_completion).getTime();
    expect(completedAt).toBeGreaterThanOrEqual(start - 5_000);
    expect(completedAt).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(await storedTache(ctx, tache!.id)).toMatchObject({
      completee: true,
      date_completion: expect.any(Date),
    });

    const reopened = await toggle(client, tache!.id);
    expect(reopened.json()).toMatchObject({ completee: false, date_completion: null });
    expect(await storedTache(ctx, tache!.id)).toMatchObject({
      completee: false,
      date_completion: null,
    });
  });

  it("lets the broker toggle too", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const [tache] = await insertTaches(ctx, transaction.id, [{}]);
    const response = await toggle(broker, tache!.id);
    expect(response.json()).toMatchObject({ completee: true, cree_par: null });
  });

  it("answers 404 to a client of the same broker on another transaction", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const other = await createActiveClient(ctx, broker);
    const [tache] = await insertTaches(ctx, transaction.id, [{}]);
    expect((await toggle(other.client, tache!.id)).statusCode).toBe(404);
    expect(await storedTache(ctx, tache!.id)).toMatchObject({ completee: false });
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    const broker = await createBroker(ctx);
    expect((await toggle(broker, "1.5")).statusCode).toBe(400);
    // Past PostgreSQL's integer: refused as input, never sent to a query.
    expect((await toggle(broker, 2_147_483_648)).statusCode).toBe(400);
    expect((await list(broker, 2_147_483_648)).statusCode).toBe(400);
    expect((await toggle(broker, 2_000_000_000)).statusCode).toBe(404);
  });
});

describe("GET /portail/transaction-taches/transaction/:id", () => {
  async function seedOrdering() {
    const { broker, client, transaction } = await createActiveClient(ctx);
    await insertTaches(ctx, transaction.id, [
      { titre: "fait-tot", completee: true, date_completion: new Date(), echeance: "2026-01-01" },
      { titre: "sans-date-haute", priorite: "haute", cree_par_id: broker.user.id },
      { titre: "mars-basse", priorite: "basse", echeance: "2026-03-01" },
      { titre: "mars-haute", priorite: "haute", echeance: "2026-03-01" },
      { titre: "fevrier-moyenne", echeance: "2026-02-15" },
      { titre: "sans-date-basse", priorite: "basse" },
      { titre: "fait-sans-date", completee: true, date_completion: new Date() },
    ]);
    return { broker, client, transaction };
  }

  it("lists open tasks first, by echeance (none last), then priority, with their creator", async () => {
    const { broker, client, transaction } = await seedOrdering();
    const response = await list(client, transaction.id);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.items.map((item: { titre: string }) => item.titre)).toEqual([
      "fevrier-moyenne",
      "mars-haute",
      "mars-basse",
      "sans-date-haute",
      "sans-date-basse",
      "fait-tot",
      "fait-sans-date",
    ]);
    expect(body).toMatchObject({ total: 7, skip: 0, limit: 20 });
    expect(body.counts).toMatchObject({ total: 7, actives: 5, completees: 2 });
    const sansDate = body.items.find((item: { titre: string }) => item.titre === "sans-date-haute");
    expect(sansDate.cree_par).toEqual({
      id: broker.user.id,
      first_name: broker.user.first_name,
      last_name: broker.user.last_name,
    });
    expect(body.items[0].cree_par).toBeNull();
  });

  it("filters by completee and priorite; total follows the filter, counts do not", async () => {
    const { broker, transaction } = await seedOrdering();
    const open = (await list(broker, transaction.id, "?completee=false")).json();
    expect(open.total).toBe(5);
    expect(open.items.every((item: { completee: boolean }) => !item.completee)).toBe(true);
    expect(open.counts.total).toBe(7);

    const done = (await list(broker, transaction.id, "?completee=true")).json();
    expect(done.items.map((item: { titre: string }) => item.titre)).toEqual([
      "fait-tot",
      "fait-sans-date",
    ]);

    const urgent = (await list(broker, transaction.id, "?completee=false&priorite=haute")).json();
    expect(urgent.items.map((item: { titre: string }) => item.titre)).toEqual([
      "mars-haute",
      "sans-date-haute",
    ]);
    expect(urgent.total).toBe(2);
  });

  it("pages with skip and limit", async () => {
    const { broker, transaction } = await seedOrdering();
    const second = (await list(broker, transaction.id, "?skip=2&limit=3")).json();
    expect(second).toMatchObject({ total: 7, skip: 2, limit: 3 });
    expect(second.items.map((item: { titre: string }) => item.titre)).toEqual([
      "mars-basse",
      "sans-date-haute",
      "sans-date-basse",
    ]);
  });

  it.each([
    ["completee=yes", "?completee=yes", "completee"],
    ["priorite=urgente", "?priorite=urgente", "priorite"],
    ["limit=0", "?limit=0", "limit"],
    ["limit=101", "?limit=101", "limit"],
    ["skip=-1", "?skip=-1", "skip"],
  ])("refuses %s with 400", async (_name, query, field) => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await list(broker, transaction.id, query);
    expect(response.statusCode, response.body).toBe(400);
    expect(fieldsOf(response.json())).toContain(field);
  });

  it("answers 400 for a malformed transaction id", async () => {
    const broker = await createBroker(ctx);
    const response = await ctx.app.inject({
      method: "GET",
      url: `${BASE}/transaction/abc`,
      headers: broker.auth,
    });
    expect(response.statusCode).toBe(400);
  });
});

// The shared security suite for every route.
async function setup(flagOff = false) {
  const scenario = await createTransactionScenario(ctx, { acces_taches: !flagOff });
  const { broker, transaction } = scenario;
  const [tache] = await insertTaches(ctx, transaction.id, [{ cree_par_id: broker.user.id }]);
  return { ...scenario, tache: tache!, snapshot: tachesSnapshot(ctx, transaction.id) };
}

describeAuthorization("POST tache", ctx, async () => {
  const s = await setup();
  return {
    request: {
      method: "POST",
      url: BASE,
      payload: { transaction_id: s.transaction.id, titre: "Nouvelle" },
    },
    owner: s.broker,
    otherBroker: s.otherBroker,
    wrongRole: s.client,
    snapshot: s.snapshot,
  };
});

describeAuthorization("PUT tache", ctx, async () => {
  const s = await setup();
  return {
    request: { method: "PUT", url: `${BASE}/${s.tache.id}`, payload: { titre: "Changée" } },
    owner: s.broker,
    otherBroker: s.otherBroker,
    wrongRole: s.client,
    snapshot: s.snapshot,
  };
});

describeAuthorization("DELETE tache", ctx, async () => {
  const s = await setup();
  return {
    request: { method: "DELETE", url: `${BASE}/${s.tache.id}` },
    owner: s.broker,
    otherBroker: s.otherBroker,
    wrongRole: s.client,
    snapshot: s.snapshot,
  };
});

describeAuthorization("GET taches (broker)", ctx, async () => {
  const s = await setup(true);
  return {
    request: { method: "GET", url: `${BASE}/transaction/${s.transaction.id}` },
    owner: s.broker,
    otherBroker: s.otherBroker,
    clientWithoutAccess: s.client,
  };
});

describeAuthorization("GET taches (client)", ctx, async () => {
  const s = await setup();
  return {
    request: { method: "GET", url: `${BASE}/transaction/${s.transaction.id}` },
    owner: s.client,
    otherBroker: s.otherBroker,
  };
});

describeAuthorization("PUT tache toggle (broker)", ctx, async () => {
  const s = await setup(true);
  return {
    request: { method: "PUT", url: `${BASE}/${s.tache.id}/toggle` },
    owner: s.broker,
    otherBroker: s.otherBroker,
    clientWithoutAccess: s.client,
    snapshot: s.snapshot,
  };
});

describeAuthorization("PUT tache toggle (client)", ctx, async () => {
  const s = await setup();
  return {
    request: { method: "PUT", url: `${BASE}/${s.tache.id}/toggle` },
    owner: s.client,
    otherBroker: s.otherBroker,
    snapshot: s.snapshot,
  };
});

it("refuses a client with acces_taches off the task list with ACCESS_DISABLED", async () => {
  const s = await setup(true);
  const response = await list(s.client, s.transaction.id);
  expect(response.statusCode).toBe(403);
  expect(response.json().error.code).toBe("ACCESS_DISABLED");
  const toggled = await toggle(s.client, s.tache.id);
  expect(toggled.json().error.code).toBe("ACCESS_DISABLED");
});

it("cuts off a client whose invitation the broker set inactif (401), until reactivated", async () => {
  const s = await setup();
  await updateInvitation(ctx, s.invitation.id, { statut: "inactif" });
  const before = await s.snapshot();
  expect((await list(s.client, s.transaction.id)).statusCode).toBe(401);
  expect((await toggle(s.client, s.tache.id)).statusCode).toBe(401);
  expect(await s.snapshot()).toEqual(before);
  await updateInvitation(ctx, s.invitation.id, { statut: "actif" });
  expect((await list(s.client, s.transaction.id)).statusCode).toBe(200);
});
