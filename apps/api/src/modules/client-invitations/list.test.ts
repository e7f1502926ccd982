import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createActiveClient,
  createBroker,
  createInvitedClient,
  createTransaction,
  type TestUser,
  uniqueEmail,
  updateInvitation,
} from "../../../test/factories.ts";
import { describeAuthorization } from "../../../test/security.ts";
import { countQueries } from "../../db/client.ts";
import {
  client_invitations,
  portail_transactions,
  transaction_documents,
  transaction_messages,
  transaction_taches,
} from "../../db/schema.ts";
import { todayInQuebec } from "../../lib/quebec-time.ts";
import { searchText } from "../../lib/search.ts";

const ctx = useTestApp();
const URL = "/api/v1/client-invitations";

const list = (broker: TestUser, query = "") =>
  ctx.app.inject({ method: "GET", url: `${URL}${query}`, headers: broker.auth });

type Item = {
  id: number;
  prenom: string;
  nom: string;
  email: string;
  statut: string;
  transaction_id: number | null;
  activite: Record<string, unknown>;
};
const names = (body: { items: Item[] }) => body.items.map((i) => `${i.prenom} ${i.nom}`);

const db = () => ctx.database.db;

async function addDocuments(transactionId: number | number[], count: number) {
  const ids = Array.isArray(transactionId) ? transactionId : [transactionId];
  if (count === 0 || ids.length === 0) return;
  await db()
    .insert(transaction_documents)
    .values(
      Array.from({ length: count * ids.length }, (_, i) => ({
        transaction_id: ids[i % ids.length]!,
        nom: `document-${i}.pdf`,
        type: "pdf" as const,
        categorie: "contrat",
        taille: 1024,
        mime_type: "application/pdf",
        storage_key: randomBytes(12).toString("hex"),
        sha256: "0".repeat(64),
      })),
    );
}

async function addMessages(transactionId: number, senderId: number, count: number, lu: boolean) {
  if (count === 0) return;
  await db()
    .insert(transaction_messages)
    .values(
      Array.from({ length: count }, (_, i) => ({
        transaction_id: transactionId,
        expediteur_id: senderId,
        message: `Message ${i}`,
        lu,
      })),
    );
}

async function addTasks(transactionId: number, done: number, open: number) {
  const rows = [
    ...Array.from({ length: done }, () => true),
    ...Array.from({ length: open }, () => false),
  ].map((completee, i) => ({ transaction_id: transactionId, titre: `Tâche ${i}`, completee }));
  if (rows.length > 0) await db().insert(transaction_taches).values(rows);
}

/** A broker with clients named as given, each with an invitation and a first transaction. */
async function brokerWithClients(people: [prenom: string, nom: string][]) {
  const broker = await createBroker(ctx);
  const invitations = [];
  for (const [prenom, nom] of people) {
    invitations.push(await createInvitedClient(ctx, broker, { prenom, nom }));
  }
  return { broker, invitations };
}

describe("GET /client-invitations", () => {
  it("lists the broker's clients with their activity on the current transaction", async () => {
    const { broker, client, invitation, transaction } = await createActiveClient(ctx);
    await addDocuments(transaction.id, 3);
    await addMessages(transaction.id, client.user.id, 2, false);
    await addMessages(transaction.id, client.user.id, 4, true);
    // The broker's own unread messages are unread for the client, not for the broker.
    await addMessages(transaction.id, broker.user.id, 5, false);
    await addTasks(transaction.id, 2, 3);
    await db()
      .update(portail_transactions)
      .set({ progression: 65, statut: "financement" })
      .where(eq(portail_transactions.id, transaction.id));
    // A later, finished transaction does not replace the one in progress.
    const finished = await createTransaction(ctx, invitation, {
      statut: "complete",
      progression: 100,
    });
    await addDocuments(finished.id, 7);
    const other = await createInvitedClient(ctx, broker, { prenom: "Luc", nom: "Gagnon" });
    // Another broker's clients never show up.
    await createActiveClient(ctx);

    const response = await list(broker);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 2, skip: 0, limit: 20 });
    const byId = new Map<number, Item>(body.items.map((i: Item) => [i.id, i]));
    expect(byId.get(invitation.id)).toMatchObject({
      transaction_id: transaction.id,
      activite: {
        progression: 65,
        transaction_statut: "financement",
        documents: 3,
        messages_non_lus: 2,
        taches_completees: 2,
        taches_total: 5,
      },
    });
    expect(byId.get(other.invitation.id)).toMatchObject({
      transaction_id: other.transaction.id,
      activite: { progression: 0, documents: 0, messages_non_lus: 0, taches_total: 0 },
    });
    expect(response.body).not.toMatch(/token|"recherche":/);
  });

  it("follows a newer open transaction once there is one", async () => {
    const { broker, invitation } = await createActiveClient(ctx);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await createTransaction(ctx, invitation, { type: "vente", progression: 20 });
    const body = (await list(broker)).json();
    expect(body.items[0]).toMatchObject({
      transaction_id: newer.id,
      activite: { progression: 20 },
    });
  });

  it("filters by statut and type, and the stats count everything regardless", async () => {
    const broker = await createBroker(ctx);
    await createInvitedClient(ctx, broker, { prenom: "Ana", type_projet: "vente" });
    await createInvitedClient(ctx, broker, { prenom: "Béa", type_projet: "achat" });
    await createActiveClient(ctx, broker, { prenom: "Cléo", type_projet: "vente" });
    await createActiveClient(ctx, broker, {
      prenom: "Dom",
      type_projet: "location",
      statut: "inactif",
    });

    const invites = (await list(broker, "?statut=invite")).json();
    expect(invites.items.map((i: Item) => i.prenom).sort()).toEqual(["Ana", "Béa"]);
    expect(invites.total).toBe(2);
    expect(invites.stats).toEqual({ total: 4, invites: 2, actifs: 1, inactifs: 1 });

    const ventes = (await list(broker, "?type_projet=vente")).json();
    expect(ventes.items.map((i: Item) => i.prenom).sort()).toEqual(["Ana", "Cléo"]);
    const both = (await list(broker, "?type_projet=vente&statut=actif")).json();
    expect(both.items.map((i: Item) => i.prenom)).toEqual(["Cléo"]);
    expect(both).toMatchObject({ total: 1, stats: { total: 4 } });
  });

  it("finds « Côté » when the broker types cote, COTE or côte, by name or email", async () => {
    const { broker } = await brokerWithClients([
      ["Émilie", "Côté"],
      ["Jean", "Coté-Lavoie"],
      ["Paul", "Tremblay"],
    ]);
    for (const q of ["cote", "COTE", "côte", "  Cote "]) {
      const body = (await list(broker, `?q=${encodeURIComponent(q)}`)).json();
      expect(names(body).sort(), q).toEqual(["Jean Coté-Lavoie", "Émilie Côté"]);
      expect(body.total).toBe(2);
    }
    expect(names((await list(broker, "?q=emilie")).json())).toEqual(["Émilie Côté"]);
    expect(names((await list(broker, "?q=trem")).json())).toEqual(["Paul Tremblay"]);
    expect((await list(broker, "?q=introuvable")).json()).toMatchObject({ items: [], total: 0 });
  });

  it("searches emails, and takes % and _ literally", async () => {
    const broker = await createBroker(ctx);
    const email = uniqueEmail("zed_100");
    await createInvitedClient(ctx, broker, { prenom: "Zed", nom: "Cent", email });
    await createInvitedClient(ctx, broker, { prenom: "Zed", nom: "Autre" });
    expect(names((await list(broker, `?q=${email.split("@")[0]}`)).json())).toEqual(["Zed Cent"]);
    expect((await list(broker, "?q=%25")).json().total).toBe(0);
    expect(names((await list(broker, "?q=d_1")).json())).toEqual(["Zed Cent"]);
    expect((await list(broker, "?q=e_n")).json().total).toBe(0);
  });

  it("sorts by name the way a person reads, accents included", async () => {
    const { broker } = await brokerWithClients([
      ["Luc", "Cyr"],
      ["Émilie", "Côté"],
      ["Anne", "Charron"],
      ["Éric", "Allard"],
      ["Zoé", "côté"],
    ]);
    expect(names((await list(broker, "?sort=nom")).json())).toEqual([
      "Éric Allard",
      "Anne Charron",
      "Émilie Côté",
      "Zoé côté",
      "Luc Cyr",
    ]);
    expect(names((await list(broker, "?sort=nom&order=desc")).json())[0]).toBe("Luc Cyr");
  });

  it("sorts by invitation date, progression, last connection and statut", async () => {
    const { broker, invitations } = await brokerWithClients([
      ["Un", "A"],
      ["Deux", "B"],
      ["Trois", "C"],
    ]);
    const [one, two, three] = invitations.map((i) => i!);
    await updateInvitation(ctx, one!.invitation.id, {
      date_invitation: new Date("2026-01-01T12:00:00Z"),
      derniere_connexion: new Date("2026-03-01T12:00:00Z"),
      statut: "actif",
    });
    await updateInvitation(ctx, two!.invitation.id, {
      date_invitation: new Date("2026-02-01T12:00:00Z"),
      derniere_connexion: new Date("2026-02-15T12:00:00Z"),
      statut: "inactif",
    });
    await updateInvitation(ctx, three!.invitation.id, {
      date_invitation: new Date("2026-03-01T12:00:00Z"),
    });
    const progress = async (id: number, progression: number) => {
      await db()
        .update(portail_transactions)
        .set({ progression })
        .where(eq(portail_transactions.id, id));
    };
    await progress(one!.transaction.id, 10);
    await progress(two!.transaction.id, 80);
    await progress(three!.transaction.id, 40);

    const firstNames = async (query: string) =>
      (await list(broker, query)).json().items.map((i: Item) => i.prenom);
    expect(await firstNames("")).toEqual(["Trois", "Deux", "Un"]);
    expect(await firstNames("?sort=date_invitation&order=asc")).toEqual(["Un", "Deux", "Trois"]);
    expect(await firstNames("?sort=progression")).toEqual(["Deux", "Trois", "Un"]);
    expect(await firstNames("?sort=progression&order=asc")).toEqual(["Un", "Trois", "Deux"]);
    // Never connected comes last in both directions.
    expect(await firstNames("?sort=derniere_connexion")).toEqual(["Un", "Deux", "Trois"]);
    expect(await firstNames("?sort=derniere_connexion&order=asc")).toEqual(["Deux", "Un", "Trois"]);
    expect(await firstNames("?sort=statut")).toEqual(["Un", "Deux", "Trois"]);
  });

  it("pages with skip and limit while the total counts every match", async () => {
    const broker = await createBroker(ctx);
    for (let i = 0; i < 5; i += 1) {
      await createInvitedClient(ctx, broker, { prenom: `Client${i}`, nom: "Page" });
    }
    const page = (await list(broker, "?sort=nom&limit=2&skip=2")).json();
    expect(page).toMatchObject({ total: 5, skip: 2, limit: 2 });
    expect(page.items).toHaveLength(2);
    const beyond = (await list(broker, "?skip=10")).json();
    expect(beyond).toMatchObject({ items: [], total: 5, stats: { total: 5 } });
  });

  it.each([
    ["limit", "?limit=101"],
    ["limit", "?limit=0"],
    ["skip", "?skip=-1"],
    ["statut", "?statut=supprime"],
    ["type_projet", "?type_projet=hypotheque"],
    ["sort", "?sort=email"],
    ["order", "?order=up"],
    ["q", `?q=${"x".repeat(101)}`],
  ])("answers 400 naming %s for %s", async (field, query) => {
    const broker = await createBroker(ctx);
    const response = await list(broker, query);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it("answers in the same number of queries for 3 clients and for 300", async () => {
    const small = await brokerWithActivity(3);
    const large = await brokerWithActivity(300);
    const measure = async (broker: TestUser) => {
      // Awaited inside the callback: inject's answer is a lazy thenable that would otherwise
      // run outside the counting context.
      const { result, queries } = await countQueries(
        async () => await list(broker, "?limit=100&sort=nom"),
      );
      expect(result.statusCode).toBe(200);
      return { queries, body: result.json() };
    };
    const a = await measure(small);
    const b = await measure(large);
    expect(a.body.total).toBe(3);
    expect(b.body.total).toBe(300);
    expect(b.body.items).toHaveLength(100);
    expect(b.body.items[0].activite).toMatchObject({
      documents: 1,
      messages_non_lus: 1,
      taches_completees: 1,
      taches_total: 2,
    });
    // Authentication (1) + rows with activity (1) + total and stats (1).
    expect(a.queries).toBe(3);
    expect(b.queries).toBe(a.queries);
  });

  describeAuthorization("GET /client-invitations", ctx, async () => {
    const { broker, client } = await createActiveClient(ctx);
    return { request: { method: "GET", url: URL }, owner: broker, wrongRole: client };
  });
});

/** A broker with `count` clients, each with one document, messages and two tasks: in bulk. */
async function brokerWithActivity(count: number) {
  const broker = await createBroker(ctx);
  const invitations = await db()
    .insert(client_invitations)
    .values(
      Array.from({ length: count }, (_, i) => {
        const email = uniqueEmail(`bulk${i}`);
        return {
          courtier_id: broker.user.id,
          prenom: `Client${i}`,
          nom: "Volume",
          email,
          type_projet: "achat" as const,
          recherche: searchText(`Client${i}`, "Volume", email),
        };
      }),
    )
    .returning({ id: client_invitations.id });
  const transactions = await db()
    .insert(portail_transactions)
    .values(
      invitations.map((i) => ({
        client_invitation_id: i.id,
        courtier_id: broker.user.id,
        type: "achat" as const,
        progression: 30,
        date_debut: todayInQuebec(),
      })),
    )
    .returning({ id: portail_transactions.id });
  const client = await createBroker(ctx);
  await addDocuments(
    transactions.map((t) => t.id),
    1,
  );
  await db()
    .insert(transaction_messages)
    .values(
      transactions.flatMap((t) => [
        { transaction_id: t.id, expediteur_id: client.user.id, message: "Bonjour", lu: false },
        { transaction_id: t.id, expediteur_id: broker.user.id, message: "Salut", lu: false },
      ]),
    );
  await db()
    .insert(transaction_taches)
    .values(
      transactions.flatMap((t) => [
        { transaction_id: t.id, titre: "Fait", completee: true },
        { transaction_id: t.id, titre: "À faire", completee: false },
      ]),
    );
  return broker;
}
