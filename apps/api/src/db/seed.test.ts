import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/context.ts";
import { addDays, todayInQuebec } from "../lib/quebec-time.ts";
import { hashToken } from "../lib/tokens.ts";
import {
  client_invitations,
  portail_transactions,
  transaction_documents,
  transaction_etapes,
  transaction_messages,
  transaction_taches,
  users,
} from "./schema.ts";
import { DEMO_BROKER, DEMO_PASSWORD, type SeedContext, seed, seedIfEmpty } from "./seed.ts";

const ctx = useTestApp({ FRONTEND_URL: "http://demo.localhost:3000" });

function seedContext(printed: string[] = []): SeedContext {
  return {
    db: ctx.database.db,
    config: ctx.config,
    log: { info: (message: string) => printed.push(message) },
    storage: ctx.app.storage,
  };
}

const login = (email: string, password = DEMO_PASSWORD) =>
  ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });

async function signIn(email: string) {
  const response = await login(email);
  expect(response.statusCode, `${email}: ${response.body}`).toBe(200);
  return { authorization: `Bearer ${response.json().access_token}` };
}

/** Every row the demo creates, in a stable order. */
async function everything() {
  const db = ctx.database.db;
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    invitations: await db.select().from(client_invitations).orderBy(asc(client_invitations.id)),
    transactions: await db
      .select()
      .from(portail_transactions)
      .orderBy(asc(portail_transactions.id)),
    etapes: await db.select().from(transaction_etapes).orderBy(asc(transaction_etapes.id)),
    messages: await db.select().from(transaction_messages).orderBy(asc(transaction_messages.id)),
    taches: await db.select().from(transaction_taches).orderBy(asc(transaction_taches.id)),
    documents: await db.select().from(transaction_documents).orderBy(asc(transaction_documents.id)),
  };
}

describe("demo data", () => {
  const printed: string[] = [];

  it("fills an empty database with the plan's demo and prints every login", async () => {
    await seedIfEmpty(seedContext(printed));
    const output = printed.join("\n");
    expect(output).toContain(DEMO_PASSWORD);
    expect(output).toContain(DEMO_BROKER.email);

    const invitations = await ctx.database.db
      .select()
      .from(client_invitations)
      .orderBy(asc(client_invitations.id));
    expect(invitations.map((i) => `${i.prenom} ${i.nom}`)).toEqual([
      "Sophie Tremblay",
      "Jean Côté",
      "Isabelle Roy",
      "Marc Gagnon",
      "Julie Lavoie",
      "Pierre Bouchard",
    ]);
    expect(new Set(invitations.map((i) => i.statut))).toEqual(
      new Set(["invite", "actif", "inactif"]),
    );
    expect(new Set(invitations.map((i) => i.type_projet))).toEqual(
      new Set(["achat", "vente", "location"]),
    );
    for (const invitation of invitations) {
      expect(output).toContain(invitation.email);
      expect(invitation.email).toMatch(/@example\.(com|org)$/);
    }
    const allUsers = await ctx.database.db.select().from(users);
    for (const user of allUsers) expect(user.email).toMatch(/@example\.(com|org)$/);
  });

  it("gives Sophie Tremblay the full picture at 65 %", async () => {
    const headers = await signIn("sophie.tremblay@example.com");
    const response = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/portail/transactions/client",
      headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const today = todayInQuebec();
    expect(body.transaction).toMatchObject({
      type: "achat",
      statut: "financement",
      progression: 65,
      adresse: "1234, rue Saint-Denis",
      ville: "Montréal",
      prix_offert: "475000.00",
      prix_accepte: "465000.00",
      date_debut: addDays(today, -45),
    });
    expect(body.courtier).toMatchObject({ first_name: "Marie", last_name: "Dubois" });
    expect(body.stats).toMatchObject({
      unread_messages: 2,
      overdue_tasks: 2,
      open_tasks: 4,
      upcoming_etapes: 3,
    });
    expect(body.prochaines_etapes[0]).toMatchObject({
      titre: "Financement",
      statut: "en_cours",
      date_planifiee: addDays(today, 5),
      heure_planifiee: "10:00",
    });
    const roles = new Set(
      body.messages_recents.map((m: { expediteur: { role: string } }) => m.expediteur.role),
    );
    expect(roles).toEqual(new Set(["courtier", "client"]));
    expect(body.taches_ouvertes.filter((t: { en_retard: boolean }) => t.en_retard)).toHaveLength(2);
  });

  it("stores real files behind the demo documents, which Sophie can download", async () => {
    const documents = await ctx.database.db
      .select()
      .from(transaction_documents)
      .orderBy(asc(transaction_documents.id));
    expect(documents.length).toBeGreaterThanOrEqual(5);
    expect(new Set(documents.map((d) => d.type))).toEqual(new Set(["pdf", "image"]));
    for (const document of documents) {
      const object = await ctx.app.storage.get(document.storage_key);
      const bytes = await buffer(object.stream);
      expect(bytes.length).toBe(document.taille);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(document.sha256);
      const magic = document.type === "pdf" ? "%PDF-" : "\x89PNG";
      expect(bytes.subarray(0, 5).toString("latin1").startsWith(magic)).toBe(true);
    }

    const headers = await signIn("sophie.tremblay@example.com");
    const dashboard = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/portail/transactions/client",
      headers,
    });
    const recent = dashboard.json().documents_recents;
    expect(recent[0]).toMatchObject({ nouveau: true, partage_par: { last_name: "Dubois" } });
    const detail = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/portail/transaction-documents/${recent[0].id}`,
      headers,
    });
    expect(detail.statusCode, detail.body).toBe(200);
    const download = await ctx.app.inject({
      method: "GET",
      url: detail.json().download_url,
      headers,
    });
    expect(download.statusCode, download.body).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("lets every active client and the broker sign in, and no one else", async () => {
    for (const email of [
      DEMO_BROKER.email,
      "sophie.tremblay@example.com",
      "jean.cote@example.com",
      "marc.gagnon@example.com",
      "pierre.bouchard@example.com",
    ]) {
      await signIn(email);
    }
    const inactive = await login("julie.lavoie@example.org");
    expect(inactive.statusCode).toBe(401);
    expect(inactive.json().error.code).toBe("ACCOUNT_DISABLED");
    // Isabelle has not activated yet: no account.
    expect((await login("isabelle.roy@example.org")).statusCode).toBe(401);
  });

  it("prints a working activation link for the invited client", async () => {
    const line = printed
      .join("\n")
      .split("\n")
      .find((l) => l.includes("isabelle.roy"));
    const match = /http:\/\/demo\.localhost:3000\/fr\/portail-client\/activation\/([\w-]+)/.exec(
      line ?? "",
    );
    expect(match, line).not.toBeNull();
    const [invitation] = await ctx.database.db
      .select()
      .from(client_invitations)
      .where(eq(client_invitations.email, "isabelle.roy@example.org"));
    expect(invitation!.token_hash).toBe(hashToken(match![1]!));
    expect(invitation!.token_expires_at!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it("shows the broker all six clients' transactions, one client with two", async () => {
    const headers = await signIn(DEMO_BROKER.email);
    const response = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/portail/transactions/courtier?limit=100",
      headers,
    });
    const page = response.json();
    expect(page.total).toBe(7);
    const marc = page.items.filter((t: { client: { nom: string } }) => t.client.nom === "Gagnon");
    expect(marc.map((t: { statut: string }) => t.statut).sort()).toEqual(["complete", "recherche"]);
  });

  it("changes nothing when run again", async () => {
    const before = await everything();
    await seed(seedContext());
    await seedIfEmpty(seedContext());
    expect(await everything()).toEqual(before);
  });
});
