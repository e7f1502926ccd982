import { eq } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createActiveClient,
  createBroker,
  createInvitedClient,
  createTransaction,
  type TestUser,
} from "../../../test/factories.ts";
import { describeAuthorization } from "../../../test/security.ts";
import { portail_transactions, transaction_etapes } from "../../db/schema.ts";

const ctx = useTestApp();
const BASE = "/api/v1/portail/transactions";

const call = (user: TestUser, method: InjectOptions["method"], url: string, payload?: object) =>
  ctx.app.inject({ method, url: `${BASE}${url}`, headers: user.auth, payload });

async function transactionRow(id: number) {
  const [row] = await ctx.database.db
    .select()
    .from(portail_transactions)
    .where(eq(portail_transactions.id, id));
  return row;
}

async function etapesOf(transactionId: number) {
  return ctx.database.db
    .select()
    .from(transaction_etapes)
    .where(eq(transaction_etapes.transaction_id, transactionId))
    .orderBy(transaction_etapes.ordre);
}

const fieldsOf = (response: { json(): { error: { fields?: { field: string }[] } } }) =>
  (response.json().error.fields ?? []).map((f) => f.field);

describe("POST /portail/transactions", () => {
  it("opens a transaction of the invitation's type with the usual étapes", async () => {
    const broker = await createBroker(ctx);
    const { invitation } = await createInvitedClient(ctx, broker, { type_projet: "vente" });
    const response = await call(broker, "POST", "/", { client_invitation_id: invitation.id });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      client_invitation_id: invitation.id,
      courtier_id: broker.user.id,
      type: "vente",
      statut: "recherche",
      progression: 0,
      adresse: null,
      prix_offert: null,
      client: { invitation_id: invitation.id, prenom: "Sophie", nom: "Tremblay" },
      courtier: { id: broker.user.id, email: broker.user.email },
    });
    const etapes = await etapesOf(body.id);
    expect(etapes.map((e) => e.titre)).toEqual([
      "Évaluation et mise en marché",
      "Visites",
      "Offres et négociation",
      "Conditions (inspection, financement de l’acheteur)",
      "Notaire",
    ]);
    expect(etapes.map((e) => e.ordre)).toEqual([1, 2, 3, 4, 5]);
    expect(etapes.map((e) => e.statut)).toEqual([
      "en_cours",
      "a_planifier",
      "a_planifier",
      "a_planifier",
      "a_planifier",
    ]);
  });

  it("takes a type, a progression (statut derived), details, and English étapes", async () => {
    const broker = await createBroker(ctx);
    const { invitation } = await createInvitedClient(ctx, broker, { locale: "en" });
    const response = await call(broker, "POST", "/", {
      client_invitation_id: invitation.id,
      type: "location",
      progression: 65,
      adresse: " 12, rue des Érables ",
      ville: "Québec",
      prix_offert: "1850",
      date_debut: "2026-03-01",
      date_fin: "2026-03-01",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      type: "location",
      progression: 65,
      statut: "financement",
      adresse: "12, rue des Érables",
      ville: "Québec",
      prix_offert: "1850.00",
      date_debut: "2026-03-01",
      date_fin: "2026-03-01",
    });
    const etapes = await etapesOf(response.json().id);
    expect(etapes[0]?.titre).toBe("Search");
  });

  it("creates no étapes when asked not to", async () => {
    const broker = await createBroker(ctx);
    const { invitation } = await createInvitedClient(ctx, broker);
    const response = await call(broker, "POST", "/", {
      client_invitation_id: invitation.id,
      etapes_par_defaut: false,
    });
    expect(response.statusCode).toBe(201);
    expect(await etapesOf(response.json().id)).toEqual([]);
  });

  it.each([
    [{ client_invitation_id: undefined }, "client_invitation_id"],
    [{ client_invitation_id: "x" }, "client_invitation_id"],
    [{ type: "bail" }, "type"],
    [{ progression: 101 }, "progression"],
    [{ progression: 12.5 }, "progression"],
    [{ prix_offert: "-1.00" }, "prix_offert"],
    [{ prix_offert: 450000 }, "prix_offert"],
    [{ prix_accepte: "450000.001" }, "prix_accepte"],
    [{ prix_accepte: "12345678901.00" }, "prix_accepte"],
    [{ date_debut: "2026-02-30" }, "date_debut"],
    [{ date_fin: "01/03/2026" }, "date_fin"],
    [{ date_debut: "2026-03-02", date_fin: "2026-03-01" }, "date_fin"],
  ])("refuses %j (400 on %s) and creates nothing", async (payload, field) => {
    const broker = await createBroker(ctx);
    const { invitation } = await createInvitedClient(ctx, broker);
    const response = await call(broker, "POST", "/", {
      client_invitation_id: invitation.id,
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_ERROR");
    expect(fieldsOf(response)).toContain(field);
    const rows = await ctx.database.db
      .select()
      .from(portail_transactions)
      .where(eq(portail_transactions.client_invitation_id, invitation.id));
    expect(rows).toHaveLength(1);
  });

  it("answers 404 for an unknown invitation", async () => {
    const broker = await createBroker(ctx);
    const response = await call(broker, "POST", "/", { client_invitation_id: 987654 });
    expect(response.statusCode).toBe(404);
  });

  describeAuthorization("POST /portail/transactions", ctx, async () => {
    const { broker, client, invitation } = await createActiveClient(ctx);
    return {
      request: {
        method: "POST",
        url: `${BASE}/`,
        payload: { client_invitation_id: invitation.id },
      },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: () =>
        ctx.database.db
          .select()
          .from(portail_transactions)
          .where(eq(portail_transactions.client_invitation_id, invitation.id)),
    };
  });
});

describe("GET /portail/transactions/courtier", () => {
  async function brokerWithClients() {
    const broker = await createBroker(ctx);
    const cote = await createInvitedClient(ctx, broker, { prenom: "Jean", nom: "Côté" });
    await ctx.database.db
      .update(portail_transactions)
      .set({ ville: "Montréal", adresse: "55, avenue du Parc", progression: 30, statut: "offre" })
      .where(eq(portail_transactions.id, cote.transaction.id));
    const roy = await createInvitedClient(ctx, broker, {
      prenom: "Isabelle",
      nom: "Roy",
      type_projet: "location",
    });
    await ctx.database.db
      .update(portail_transactions)
      .set({ ville: "Lévis", adresse: "8, rue Saint-Étienne", progression: 80, statut: "notaire" })
      .where(eq(portail_transactions.id, roy.transaction.id));
    const second = await createTransaction(ctx, roy.invitation, {
      type: "achat",
      statut: "complete",
      progression: 100,
      ville: "Sherbrooke",
    });
    return { broker, cote, roy, second };
  }

  const list = async (broker: TestUser, query = "") => {
    const response = await call(broker, "GET", `/courtier${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      items: { id: number; client: { nom: string } }[];
      total: number;
      skip: number;
      limit: number;
    };
  };

  it("lists only the broker's transactions, each with its client", async () => {
    const { broker, cote, roy, second } = await brokerWithClients();
    await createInvitedClient(ctx, await createBroker(ctx));
    const page = await list(broker);
    expect(page.total).toBe(3);
    expect(page).toMatchObject({ skip: 0, limit: 20 });
    expect(page.items.map((t) => t.id).sort()).toEqual(
      [cote.transaction.id, roy.transaction.id, second.id].sort(),
    );
    const first = page.items.find((t) => t.id === cote.transaction.id);
    expect(first).toMatchObject({ client: { prenom: "Jean", nom: "Côté" }, ville: "Montréal" });
  });

  it("filters by statut, type and invitation", async () => {
    const { broker, cote, roy, second } = await brokerWithClients();
    expect((await list(broker, "?statut=offre")).items.map((t) => t.id)).toEqual([
      cote.transaction.id,
    ]);
    expect((await list(broker, "?type=achat")).items.map((t) => t.id).sort()).toEqual(
      [cote.transaction.id, second.id].sort(),
    );
    const ofRoy = await list(broker, `?client_invitation_id=${roy.invitation.id}`);
    expect(ofRoy.items.map((t) => t.id).sort()).toEqual([roy.transaction.id, second.id].sort());
  });

  it("searches client name, ville and adresse ignoring case and accents", async () => {
    const { broker, cote, roy, second } = await brokerWithClients();
    const ids = async (q: string) =>
      (await list(broker, `?q=${encodeURIComponent(q)}`)).items.map((t) => t.id).sort();
    expect(await ids("cote")).toEqual([cote.transaction.id]);
    expect(await ids("CÔTÉ")).toEqual([cote.transaction.id]);
    expect(await ids("montreal")).toEqual([cote.transaction.id]);
    expect(await ids("levis")).toEqual([roy.transaction.id]);
    expect(await ids("saint-etienne")).toEqual([roy.transaction.id]);
    expect(await ids("isabelle")).toEqual([roy.transaction.id, second.id].sort());
    expect(await ids("100%")).toEqual([]);
  });

  it("sorts and paginates", async () => {
    const { broker, cote, roy, second } = await brokerWithClients();
    const byProgress = await list(broker, "?sort=-progression");
    expect(byProgress.items.map((t) => t.id)).toEqual([
      second.id,
      roy.transaction.id,
      cote.transaction.id,
    ]);
    const byClient = await list(broker, "?sort=client");
    expect(byClient.items.map((t) => t.client.nom)).toEqual(["Côté", "Roy", "Roy"]);
    const page = await list(broker, "?sort=progression&skip=1&limit=1");
    expect(page).toMatchObject({ total: 3, skip: 1, limit: 1 });
    expect(page.items.map((t) => t.id)).toEqual([roy.transaction.id]);
  });

  it.each([
    ["?limit=101", "limit"],
    ["?skip=-1", "skip"],
    ["?sort=prix", "sort"],
    ["?statut=perdue", "statut"],
    ["?type=bail", "type"],
    ["?client_invitation_id=abc", "client_invitation_id"],
  ])("refuses %s with 400 on %s", async (query, field) => {
    const broker = await createBroker(ctx);
    const response = await call(broker, "GET", `/courtier${query}`);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });

  describeAuthorization("GET /portail/transactions/courtier", ctx, async () => {
    const { broker, client } = await createActiveClient(ctx);
    return {
      request: { method: "GET", url: `${BASE}/courtier` },
      owner: broker,
      wrongRole: client,
    };
  });
});

describe("GET /portail/transactions/:id", () => {
  it("shows the broker and the client the same transaction", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const asBroker = await call(broker, "GET", `/${transaction.id}`);
    const asClient = await call(client, "GET", `/${transaction.id}`);
    expect(asBroker.statusCode).toBe(200);
    expect(asClient.statusCode).toBe(200);
    expect(asClient.json()).toEqual(asBroker.json());
    expect(asBroker.json()).toMatchObject({
      id: transaction.id,
      courtier: { id: broker.user.id, first_name: "Marie" },
    });
  });

  it("is shown to a client whose broker turned every module off", async () => {
    const { client, transaction } = await createActiveClient(ctx, undefined, {
      acces_documents: false,
      acces_messagerie: false,
      acces_taches: false,
    });
    expect((await call(client, "GET", `/${transaction.id}`)).statusCode).toBe(200);
  });

  it("answers 404 to another client and for an unknown id, 400 for a bad id", async () => {
    const { transaction } = await createActiveClient(ctx);
    const { client: stranger } = await createActiveClient(ctx);
    expect((await call(stranger, "GET", `/${transaction.id}`)).statusCode).toBe(404);
    expect((await call(stranger, "GET", "/99999999")).statusCode).toBe(404);
    expect((await call(stranger, "GET", "/abc")).statusCode).toBe(400);
  });

  describeAuthorization("GET /portail/transactions/:id (broker)", ctx, async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    return {
      request: { method: "GET", url: `${BASE}/${transaction.id}` },
      owner: broker,
      otherBroker: await createBroker(ctx),
    };
  });

  describeAuthorization("GET /portail/transactions/:id (client)", ctx, async () => {
    const { client, transaction } = await createActiveClient(ctx);
    return {
      request: { method: "GET", url: `${BASE}/${transaction.id}` },
      owner: client,
      otherBroker: await createBroker(ctx),
    };
  });
});

describe("PUT /portail/transactions/:id", () => {
  it("edits the property, prices, dates and type, and clears with null", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const response = await call(broker, "PUT", `/${transaction.id}`, {
      adresse: "1234, rue Saint-Denis",
      ville: "Montréal",
      prix_offert: "475000.00",
      prix_accepte: "465000",
      date_debut: "2026-03-01",
      date_fin: "2026-06-30",
      type: "vente",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      adresse: "1234, rue Saint-Denis",
      ville: "Montréal",
      prix_offert: "475000.00",
      prix_accepte: "465000.00",
      date_debut: "2026-03-01",
      date_fin: "2026-06-30",
      type: "vente",
    });
    // The client reads exactly what the broker wrote.
    expect((await call(client, "GET", `/${transaction.id}`)).json()).toMatchObject({
      date_debut: "2026-03-01",
      prix_offert: "475000.00",
    });
    const row = await transactionRow(transaction.id);
    expect(row).toMatchObject({ date_debut: "2026-03-01", prix_offert: "475000.00" });
    expect(row!.updated_at.getTime()).toBeGreaterThanOrEqual(transaction.updated_at.getTime());

    const cleared = await call(broker, "PUT", `/${transaction.id}`, {
      prix_accepte: null,
      date_fin: null,
    });
    expect(cleared.json()).toMatchObject({
      prix_accepte: null,
      date_fin: null,
      prix_offert: "475000.00",
    });
  });

  it("keeps date_fin on or after date_debut, counting the stored value", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    await call(broker, "PUT", `/${transaction.id}`, { date_debut: "2026-03-01" });
    const response = await call(broker, "PUT", `/${transaction.id}`, { date_fin: "2026-02-28" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ field: "date_fin", code: "before_date_debut" }),
    ]);
    expect((await transactionRow(transaction.id))!.date_fin).toBeNull();
  });

  it("cancels, and un-cancels back to the statut of the progression", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    await call(broker, "PUT", `/${transaction.id}/progression`, { progression: 45 });
    const cancelled = await call(broker, "PUT", `/${transaction.id}`, { statut: "annulee" });
    expect(cancelled.json()).toMatchObject({ statut: "annulee", progression: 45 });

    const wrong = await call(broker, "PUT", `/${transaction.id}`, { statut: "notaire" });
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong)).toEqual(["statut"]);
    expect((await transactionRow(transaction.id))!.statut).toBe("annulee");

    const restored = await call(broker, "PUT", `/${transaction.id}`, { statut: "inspection" });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ statut: "inspection", progression: 45 });
  });

  it.each([
    [{ prix_offert: "-5" }, "prix_offert"],
    [{ prix_accepte: 465000 }, "prix_accepte"],
    [{ prix_offert: "1 000" }, "prix_offert"],
    [{ date_debut: "2026-13-01" }, "date_debut"],
    [{ date_fin: "2026-03-01T00:00:00Z" }, "date_fin"],
    [{ date_debut: "2026-03-05", date_fin: "2026-03-04" }, "date_fin"],
    [{ type: "bail" }, "type"],
    [{ statut: "perdue" }, "statut"],
    [{ adresse: "x".repeat(301) }, "adresse"],
  ])("refuses %j (400 on %s) and changes nothing", async (payload, field) => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await call(broker, "PUT", `/${transaction.id}`, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(await transactionRow(transaction.id)).toEqual(transaction);
  });

  describeAuthorization("PUT /portail/transactions/:id", ctx, async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    return {
      request: {
        method: "PUT",
        url: `${BASE}/${transaction.id}`,
        payload: { ville: "Gatineau", statut: "annulee" },
      },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: () => transactionRow(transaction.id),
    };
  });
});

describe("PUT /portail/transactions/:id/progression", () => {
  it("derives the statut from the progression in both directions", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const steps: [number, string][] = [
      [19, "recherche"],
      [20, "offre"],
      [40, "inspection"],
      [65, "financement"],
      [80, "notaire"],
      [100, "complete"],
      [99, "notaire"],
      [30, "offre"],
      [0, "recherche"],
    ];
    for (const [progression, statut] of steps) {
      const response = await call(broker, "PUT", `/${transaction.id}/progression`, { progression });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ progression, statut });
      expect(await transactionRow(transaction.id)).toMatchObject({ progression, statut });
    }
  });

  it("refuses a cancelled transaction with 409 and leaves it as it was", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    await call(broker, "PUT", `/${transaction.id}`, { statut: "annulee" });
    const before = await transactionRow(transaction.id);
    const response = await call(broker, "PUT", `/${transaction.id}/progression`, {
      progression: 50,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("CONFLICT");
    expect(await transactionRow(transaction.id)).toEqual(before);
  });

  it.each([
    [{}, "progression"],
    [{ progression: -1 }, "progression"],
    [{ progression: 101 }, "progression"],
    [{ progression: 50.5 }, "progression"],
    [{ progression: "50" }, "progression"],
  ])("refuses %j with 400", async (payload, field) => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await call(broker, "PUT", `/${transaction.id}/progression`, payload);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(await transactionRow(transaction.id)).toEqual(transaction);
  });

  describeAuthorization("PUT /portail/transactions/:id/progression", ctx, async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    return {
      request: {
        method: "PUT",
        url: `${BASE}/${transaction.id}/progression`,
        payload: { progression: 70 },
      },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: () => transactionRow(transaction.id),
    };
  });
});
