import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  addDocuments,
  addEtapes,
  addMessages,
  addTaches,
} from "../../../test/dashboard-fixtures.ts";
import {
  createActiveClient,
  createBroker,
  createTransaction,
  createUser,
  type TestUser,
  updateInvitation,
} from "../../../test/factories.ts";
import { describeAuthorization } from "../../../test/security.ts";
import { countQueries } from "../../db/client.ts";
import { portail_transactions } from "../../db/schema.ts";
import { addDays, todayInQuebec } from "../../lib/quebec-time.ts";
import { loadActor } from "../auth/repository.ts";
import { clientDashboard, pickCurrentTransaction } from "./dashboard.ts";

const ctx = useTestApp();
const URL = "/api/v1/portail/transactions/client";

const dashboard = async (user: TestUser, query = "") => {
  const response = await ctx.app.inject({
    method: "GET",
    url: `${URL}${query}`,
    headers: user.auth,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

/** A client at 65 % with a bit of everything, like the demo's Sophie Tremblay. */
async function busyClient(flags: Record<string, boolean> = {}) {
  const { broker, client, invitation, transaction } = await createActiveClient(
    ctx,
    await createBroker(ctx, {
      first_name: "Marie",
      last_name: "Dubois",
      telephone: "514-555-0123",
    }),
    flags,
  );
  await ctx.database.db
    .update(portail_transactions)
    .set({
      progression: 65,
      statut: "financement",
      adresse: "1234, rue Saint-Denis",
      ville: "Montréal",
      prix_offert: "475000.00",
      date_debut: "2026-01-15",
    })
    .where(eq(portail_transactions.id, transaction.id));
  const today = todayInQuebec();
  const etapes = await addEtapes(
    ctx,
    transaction.id,
    4,
    (i) =>
      [
        { titre: "Promesse d'achat", statut: "complete" as const, date_completion: new Date() },
        { titre: "Financement", statut: "en_cours" as const },
        {
          titre: "Inspection",
          statut: "planifie" as const,
          date_planifiee: "2026-03-01",
          heure_planifiee: "09:30",
        },
        { titre: "Notaire" },
      ][i]!,
  );
  const documents = await addDocuments(ctx, transaction.id, 3, (i) => ({
    nom: `doc-${i}.pdf`,
    nouveau: i !== 0,
    partage_par_id: i === 2 ? null : broker.user.id,
    date_partage: minutesAgo(30 - i),
  }));
  const messages = [
    ...(await addMessages(ctx, transaction.id, broker.user.id, 2, (i) => ({
      message: `Du courtier ${i}`,
      date_envoi: minutesAgo(20 - i),
    }))),
    ...(await addMessages(ctx, transaction.id, client.user.id, 1, () => ({
      message: "Du client",
      date_envoi: minutesAgo(10),
    }))),
    ...(await addMessages(ctx, transaction.id, broker.user.id, 1, () => ({
      message: "Lu",
      lu: true,
      lu_at: new Date(),
      date_envoi: minutesAgo(5),
    }))),
  ];
  const taches = await addTaches(
    ctx,
    transaction.id,
    4,
    (i) =>
      [
        { titre: "En retard", echeance: addDays(today, -2), priorite: "haute" as const },
        { titre: "Aujourd'hui", echeance: today },
        { titre: "Sans échéance" },
        { titre: "Faite", completee: true, echeance: addDays(today, -10) },
      ][i]!,
  );
  return { broker, client, invitation, transaction, etapes, documents, messages, taches, today };
}

describe("GET /portail/transactions/client", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("returns everything the client dashboard shows", async () => {
    const data = await busyClient();
    const body = await dashboard(data.client);
    expect(body.transaction).toMatchObject({
      id: data.transaction.id,
      type: "achat",
      statut: "financement",
      progression: 65,
      adresse: "1234, rue Saint-Denis",
      ville: "Montréal",
      prix_offert: "475000.00",
      prix_accepte: null,
      date_debut: "2026-01-15",
    });
    expect(body.courtier).toEqual({
      id: data.broker.user.id,
      first_name: "Marie",
      last_name: "Dubois",
      email: data.broker.user.email,
      telephone: "514-555-0123",
    });
    expect(body.transactions).toEqual([
      {
        id: data.transaction.id,
        type: "achat",
        statut: "financement",
        progression: 65,
        adresse: "1234, rue Saint-Denis",
        date_debut: "2026-01-15",
        created_at: data.transaction.created_at.toISOString(),
      },
    ]);
    expect(body.acces).toEqual({
      acces_documents: true,
      acces_messagerie: true,
      acces_taches: true,
      acces_calendrier: true,
      acces_proprietes: true,
    });
    expect(body.stats).toEqual({
      documents: 3,
      documents_nouveaux: 2,
      unread_messages: 2,
      open_tasks: 3,
      overdue_tasks: 1,
      upcoming_etapes: 3,
    });
    expect(body.prochaines_etapes).toEqual([
      expect.objectContaining({ titre: "Financement", ordre: 2, statut: "en_cours" }),
      {
        id: data.etapes[2]!.id,
        titre: "Inspection",
        description: null,
        ordre: 3,
        statut: "planifie",
        date_planifiee: "2026-03-01",
        heure_planifiee: "09:30",
      },
      expect.objectContaining({ titre: "Notaire", date_planifiee: null, heure_planifiee: null }),
    ]);
    expect(body.documents_recents.map((d: { nom: string }) => d.nom)).toEqual([
      "doc-2.pdf",
      "doc-1.pdf",
      "doc-0.pdf",
    ]);
    expect(body.documents_recents[0]).toMatchObject({ nouveau: true, partage_par: null });
    expect(body.documents_recents[1]).toMatchObject({
      nouveau: true,
      type: "pdf",
      taille: 1234,
      partage_par: { first_name: "Marie", last_name: "Dubois" },
    });
    expect(body.documents_recents[2].nouveau).toBe(false);
    expect(body.messages_recents.map((m: { message: string }) => m.message)).toEqual([
      "Lu",
      "Du client",
      "Du courtier 1",
      "Du courtier 0",
    ]);
    expect(body.messages_recents[1]).toMatchObject({
      lu: false,
      expediteur: { id: data.client.user.id, role: "client", first_name: "Sophie" },
    });
    expect(body.messages_recents[0].expediteur).toMatchObject({
      role: "courtier",
      first_name: "Marie",
      last_name: "Dubois",
    });
    expect(body.taches_ouvertes).toEqual([
      expect.objectContaining({
        titre: "En retard",
        en_retard: true,
        priorite: "haute",
        echeance: addDays(data.today, -2),
      }),
      expect.objectContaining({ titre: "Aujourd'hui", en_retard: false, echeance: data.today }),
      expect.objectContaining({ titre: "Sans échéance", en_retard: false, echeance: null }),
    ]);
  });

  // The dashboard builds its JSON in SQL: each part must read exactly as the module's own
  // endpoint serves the same rows (timestamps, prices, times of day, nested people).
  it("serves each part exactly as the module endpoints serve the same rows", async () => {
    const data = await busyClient();
    const body = await dashboard(data.client);
    const get = async (url: string) => {
      const response = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/portail/${url}`,
        headers: data.client.auth,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const id = data.transaction.id;
    expect(body.transaction).toEqual(await get(`transactions/${id}`));
    const documents = await get(`transaction-documents/transaction/${id}`);
    for (const recent of body.documents_recents) {
      const full = documents.items.find((d: { id: number }) => d.id === recent.id);
      for (const key of Object.keys(recent)) {
        if (key === "partage_par") continue;
        expect([key, recent[key]]).toEqual([key, full[key]]);
      }
    }
    const messages = await get(`transaction-messages/transaction/${id}`);
    for (const recent of body.messages_recents) {
      const full = messages.items.find((m: { id: number }) => m.id === recent.id);
      expect(recent.date_envoi).toBe(full.date_envoi);
      expect(recent.message).toBe(full.message);
    }
    const etapes = await get(`transaction-etapes/transaction/${id}`);
    const inspection = (etapes.items ?? etapes).find(
      (e: { titre: string }) => e.titre === "Inspection",
    );
    expect(body.prochaines_etapes[1]).toMatchObject({
      date_planifiee: inspection.date_planifiee,
      heure_planifiee: inspection.heure_planifiee,
    });
  });

  it("hides planned dates without acces_calendrier and the property without acces_proprietes", async () => {
    const data = await busyClient({ acces_calendrier: false, acces_proprietes: false });
    const body = await dashboard(data.client);
    expect(body.transaction).toMatchObject({
      adresse: null,
      ville: null,
      prix_offert: null,
      prix_accepte: null,
      progression: 65,
    });
    expect(body.transactions[0].adresse).toBeNull();
    expect(body.prochaines_etapes.map((e: { titre: string }) => e.titre)).toEqual([
      "Financement",
      "Inspection",
      "Notaire",
    ]);
    for (const etape of body.prochaines_etapes) {
      expect(etape).toMatchObject({ date_planifiee: null, heure_planifiee: null });
    }
    const id = data.transaction.id;
    const read = async (user: TestUser, url: string) => {
      const response = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/portail/${url}`,
        headers: user.auth,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    // The same through the modules' own endpoints, for the client only.
    expect(await read(data.client, `transactions/${id}`)).toMatchObject({
      adresse: null,
      prix_offert: null,
    });
    const clientEtapes = await read(data.client, `transaction-etapes/transaction/${id}`);
    const inspection = (list: { items: { titre: string }[] }) =>
      list.items.find((e) => e.titre === "Inspection");
    expect(inspection(clientEtapes)).toMatchObject({ date_planifiee: null, heure_planifiee: null });
    expect(await read(data.broker, `transactions/${id}`)).toMatchObject({
      adresse: "1234, rue Saint-Denis",
      prix_offert: "475000.00",
    });
    const brokerEtapes = await read(data.broker, `transaction-etapes/transaction/${id}`);
    expect(inspection(brokerEtapes)).toMatchObject({
      date_planifiee: "2026-03-01",
      heure_planifiee: "09:30",
    });
  });

  it("shows at most five of each list", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    await addEtapes(ctx, transaction.id, 8);
    await addDocuments(ctx, transaction.id, 8);
    await addMessages(ctx, transaction.id, broker.user.id, 8);
    await addTaches(ctx, transaction.id, 8);
    const body = await dashboard(client);
    expect(body.prochaines_etapes.map((e: { ordre: number }) => e.ordre)).toEqual([1, 2, 3, 4, 5]);
    expect(body.documents_recents).toHaveLength(5);
    expect(body.messages_recents).toHaveLength(5);
    expect(body.taches_ouvertes).toHaveLength(5);
    expect(body.stats).toMatchObject({ documents: 8, unread_messages: 8, open_tasks: 8 });
  });

  it.each([
    ["acces_documents", ["documents_recents"], ["documents", "documents_nouveaux"]],
    ["acces_messagerie", ["messages_recents"], ["unread_messages"]],
    ["acces_taches", ["taches_ouvertes"], ["open_tasks", "overdue_tasks"]],
  ])("leaves out what %s hides, and only that", async (flag, parts, stats) => {
    const data = await busyClient({ [flag]: false });
    const body = await dashboard(data.client);
    expect(body.acces[flag]).toBe(false);
    for (const part of ["documents_recents", "messages_recents", "taches_ouvertes"]) {
      if (parts.includes(part)) expect(body[part]).toBeNull();
      else expect(body[part].length).toBeGreaterThan(0);
    }
    for (const [stat, value] of Object.entries(body.stats)) {
      if (stats.includes(stat)) expect(value).toBeNull();
      else expect(value).toEqual(expect.any(Number));
    }
    // Progress and étapes are always shown.
    expect(body.transaction.progression).toBe(65);
    expect(body.prochaines_etapes).toHaveLength(3);
    expect(JSON.stringify(body)).not.toContain(
      { acces_documents: "doc-1.pdf", acces_messagerie: "Du courtier", acces_taches: "En retard" }[
        flag
      ],
    );
  });

  it("follows a flag the broker turns off after the fact", async () => {
    const data = await busyClient();
    await updateInvitation(ctx, data.invitation.id, {
      acces_documents: false,
      acces_messagerie: false,
      acces_taches: false,
    });
    const body = await dashboard(data.client);
    expect(body).toMatchObject({
      documents_recents: null,
      messages_recents: null,
      taches_ouvertes: null,
      stats: {
        documents: null,
        documents_nouveaux: null,
        unread_messages: null,
        open_tasks: null,
        overdue_tasks: null,
        upcoming_etapes: 3,
      },
    });
  });

  it("picks the latest transaction neither complete nor cancelled, else the latest", async () => {
    const { client, invitation, transaction: first } = await createActiveClient(ctx);
    const older = new Date(Date.now() - 86_400_000);
    await ctx.database.db
      .update(portail_transactions)
      .set({ created_at: older, progression: 30, statut: "offre" })
      .where(eq(portail_transactions.id, first.id));
    const completed = await createTransaction(ctx, invitation, {
      statut: "complete",
      progression: 100,
    });
    const cancelled = await createTransaction(ctx, invitation, { statut: "annulee" });

    let body = await dashboard(client);
    expect(body.transaction.id).toBe(first.id);
    expect(body.transactions.map((t: { id: number }) => t.id)).toEqual([
      cancelled.id,
      completed.id,
      first.id,
    ]);

    await ctx.database.db
      .update(portail_transactions)
      .set({ statut: "complete", progression: 100 })
      .where(eq(portail_transactions.id, first.id));
    body = await dashboard(client);
    expect(body.transaction.id).toBe(cancelled.id);

    const newest = await createTransaction(ctx, invitation, { type: "vente" });
    body = await dashboard(client);
    expect(body.transaction).toMatchObject({ id: newest.id, type: "vente" });

    body = await dashboard(client, `?transaction_id=${completed.id}`);
    expect(body.transaction).toMatchObject({ id: completed.id, statut: "complete" });
    expect(body.transactions).toHaveLength(4);
  });

  it("answers 404 for another client's transaction_id, 400 for a bad one", async () => {
    const { client } = await createActiveClient(ctx);
    const { transaction: foreign } = await createActiveClient(ctx);
    const response = await ctx.app.inject({
      method: "GET",
      url: `${URL}?transaction_id=${foreign.id}`,
      headers: client.auth,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("NOT_FOUND");
    expect(response.body).not.toContain(String(foreign.adresse ?? "Tremblay"));
    const bad = await ctx.app.inject({
      method: "GET",
      url: `${URL}?transaction_id=abc`,
      headers: client.auth,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("transaction_id");
  });

  it("answers an explicit empty dashboard when no transaction exists yet", async () => {
    const { client, broker, transaction } = await createActiveClient(ctx, undefined, {
      acces_taches: false,
    });
    await ctx.database.db
      .delete(portail_transactions)
      .where(eq(portail_transactions.id, transaction.id));
    const body = await dashboard(client);
    expect(body).toEqual({
      transaction: null,
      transactions: [],
      courtier: expect.objectContaining({ id: broker.user.id }),
      acces: expect.objectContaining({ acces_taches: false, acces_documents: true }),
      stats: {
        documents: 0,
        documents_nouveaux: 0,
        unread_messages: 0,
        open_tasks: null,
        overdue_tasks: null,
        upcoming_etapes: 0,
      },
      prochaines_etapes: [],
      documents_recents: [],
      messages_recents: [],
      taches_ouvertes: null,
    });
  });

  it("cuts off a client whose invitation the broker made inactive", async () => {
    const { client, invitation } = await createActiveClient(ctx);
    await updateInvitation(ctx, invitation.id, { statut: "inactif" });
    const response = await ctx.app.inject({ method: "GET", url: URL, headers: client.auth });
    expect(response.statusCode).toBe(401);
  });

  it("takes the same number of queries with 3 or 300 rows of each kind", async () => {
    async function clientWith(n: number) {
      const { broker, client, invitation, transaction } = await createActiveClient(ctx);
      for (let i = 1; i < n; i++) await createTransaction(ctx, invitation, { statut: "annulee" });
      await addEtapes(ctx, transaction.id, n);
      await addDocuments(ctx, transaction.id, n);
      await addMessages(ctx, transaction.id, broker.user.id, n);
      await addMessages(ctx, transaction.id, client.user.id, n);
      await addTaches(ctx, transaction.id, n, (i) => ({ echeance: addDays("2026-03-01", i) }));
      return client;
    }
    // Measured on the service: app.inject() leaves the async context the counter relies on.
    const measure = async (client: TestUser) => {
      const claims = await ctx.app.tokens.verify(client.token);
      const actor = await loadActor(ctx.database.db, claims!.userId, claims!.sessionId);
      const { result, queries } = await countQueries(() =>
        clientDashboard({ db: ctx.database.db, actor: actor! }),
      );
      return { queries, body: result };
    };
    const small = await measure(await clientWith(3));
    const large = await measure(await clientWith(300));
    expect(small.body.stats.documents).toBe(3);
    expect(large.body.stats.documents).toBe(300);
    expect(large.body.transactions).toHaveLength(300);
    expect(large.body.messages_recents).toHaveLength(5);
    expect(large.queries).toBe(small.queries);
    // Context, transactions, the selected one and its parts: one statement (dashboardQuery).
    expect(small.queries).toBe(1);
  });

  it("never shifts dates, even when it is already tomorrow in UTC", async () => {
    // 22:30 on March 1 in Montréal is 03:30 on March 2 in UTC.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-02T03:30:00Z") });
    expect(todayInQuebec()).toBe("2026-03-01");
    const { broker, client, transaction } = await createActiveClient(ctx);
    await addTaches(ctx, transaction.id, 3, (i) => ({
      titre: ["Hier", "Aujourd'hui", "Demain"][i]!,
      echeance: ["2026-02-28", "2026-03-01", "2026-03-02"][i]!,
    }));
    const put = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/portail/transactions/${transaction.id}`,
      headers: broker.auth,
      payload: { date_debut: "2026-03-01", date_fin: "2026-03-02" },
    });
    expect(put.statusCode, put.body).toBe(200);
    const body = await dashboard(client);
    expect(body.transaction).toMatchObject({ date_debut: "2026-03-01", date_fin: "2026-03-02" });
    expect(body.stats.overdue_tasks).toBe(1);
    expect(
      body.taches_ouvertes.map((t: { titre: string; echeance: string; en_retard: boolean }) => [
        t.titre,
        t.echeance,
        t.en_retard,
      ]),
    ).toEqual([
      ["Hier", "2026-02-28", true],
      ["Aujourd'hui", "2026-03-01", false],
      ["Demain", "2026-03-02", false],
    ]);
    const [row] = await ctx.database.db
      .select()
      .from(portail_transactions)
      .where(eq(portail_transactions.id, transaction.id));
    expect(row).toMatchObject({ date_debut: "2026-03-01", date_fin: "2026-03-02" });
  });

  it("is refused to a broker, even with a client account id in the query", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await ctx.app.inject({
      method: "GET",
      url: `${URL}?transaction_id=${transaction.id}`,
      headers: broker.auth,
    });
    expect(response.statusCode).toBe(403);
  });

  describeAuthorization("GET /portail/transactions/client", ctx, async () => {
    const { broker, client } = await createActiveClient(ctx);
    return { request: { method: "GET", url: URL }, owner: client, wrongRole: broker };
  });
});

describe("pickCurrentTransaction", () => {
  it("prefers the newest open transaction, else the newest", () => {
    expect(
      pickCurrentTransaction([
        { id: 3, statut: "annulee" as const },
        { id: 2, statut: "notaire" as const },
        { id: 1, statut: "offre" as const },
      ])?.id,
    ).toBe(2);
    expect(
      pickCurrentTransaction([
        { id: 3, statut: "complete" as const },
        { id: 2, statut: "annulee" as const },
      ])?.id,
    ).toBe(3);
    expect(pickCurrentTransaction([])).toBeUndefined();
  });
});

// An admin has no portal of their own: the client route refuses them like a broker.
describe("GET /portail/transactions/client as admin", () => {
  it("answers 403", async () => {
    const admin = await createUser(ctx, { role: "admin" });
    const response = await ctx.app.inject({ method: "GET", url: URL, headers: admin.auth });
    expect(response.statusCode).toBe(403);
  });
});
