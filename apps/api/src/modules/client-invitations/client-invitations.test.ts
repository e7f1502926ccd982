import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createActiveClient,
  createBroker,
  createInvitedClient,
  createUser,
  uniqueEmail,
} from "../../../test/factories.ts";
import { describeAuthorization } from "../../../test/security.ts";
import {
  auth_sessions,
  client_invitations,
  email_outbox,
  portail_transactions,
  transaction_etapes,
} from "../../db/schema.ts";
import { todayInQuebec } from "../../lib/quebec-time.ts";
import { hashToken } from "../../lib/tokens.ts";
import { defaultEtapes } from "./default-etapes.ts";
import {
  byToken,
  invitationBody,
  invitationRow,
  invite,
  outboxFor,
  tokenFromEmail,
} from "./testing.ts";

const ctx = useTestApp({ RATE_LIMIT_AUTH_PER_IP: "10000" });
const URL = "/api/v1/client-invitations";

const post = (auth: Record<string, string>, payload: object) =>
  ctx.app.inject({ method: "POST", url: URL, headers: auth, payload });
const get = (auth: Record<string, string>, id: number) =>
  ctx.app.inject({ method: "GET", url: `${URL}/${id}`, headers: auth });
const put = (auth: Record<string, string>, id: number, payload: object) =>
  ctx.app.inject({ method: "PUT", url: `${URL}/${id}`, headers: auth, payload });
const resend = (auth: Record<string, string>, id: number) =>
  ctx.app.inject({ method: "POST", url: `${URL}/${id}/resend`, headers: auth });

async function etapesOf(transactionId: number) {
  return ctx.database.db
    .select()
    .from(transaction_etapes)
    .where(eq(transaction_etapes.transaction_id, transactionId))
    .orderBy(asc(transaction_etapes.ordre));
}

async function invitationsWithEmail(email: string) {
  return ctx.database.db
    .select()
    .from(client_invitations)
    .where(sql`lower(${client_invitations.email}) = ${email.toLowerCase()}`);
}

/** Everything a refused request could have touched for this invitation. */
const snapshotOf = (invitationId: number) => async () => ({
  invitation: await invitationRow(ctx, invitationId),
  transactions: await ctx.database.db
    .select()
    .from(portail_transactions)
    .where(eq(portail_transactions.client_invitation_id, invitationId)),
  emails: await ctx.database.db.select({ count: sql<number>`count(*)::int` }).from(email_outbox),
});

describe("POST /client-invitations", () => {
  it("creates the invitation, its first transaction with French étapes, and queues the email", async () => {
    const broker = await createBroker(ctx, { telephone: "514-555-0123" });
    const body = invitationBody({ email: `  ${uniqueEmail("Sophie.T").toUpperCase()} ` });
    const response = await post(broker.auth, body);
    expect(response.statusCode, response.body).toBe(201);
    const invitation = response.json();
    const email = body.email.trim().toLowerCase();

    expect(invitation).toMatchObject({
      courtier_id: broker.user.id,
      prenom: "Sophie",
      nom: "Tremblay",
      email,
      telephone: "514-555-0199",
      type_projet: "achat",
      statut: "invite",
      locale: "fr",
      message_personnalise: "Bienvenue dans votre portail.",
      acces_documents: true,
      acces_messagerie: true,
      acces_taches: true,
      acces_calendrier: true,
      acces_proprietes: true,
      date_activation: null,
      derniere_connexion: null,
      activite: {
        progression: 0,
        transaction_statut: "recherche",
        documents: 0,
        messages_non_lus: 0,
        taches_completees: 0,
        taches_total: 0,
      },
    });
    // Never the token, its hash or the link.
    expect(response.body).not.toMatch(/token|activation\/|"recherche":/);
    const validity = Date.parse(invitation.expires_at) - Date.parse(invitation.date_invitation);
    expect(Math.round(validity / 86_400_000)).toBe(7);

    const row = await invitationRow(ctx, invitation.id);
    expect(row?.recherche).toBe(`sophie tremblay ${email}`);
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const [transaction] = await ctx.database.db
      .select()
      .from(portail_transactions)
      .where(eq(portail_transactions.client_invitation_id, invitation.id));
    expect(transaction).toMatchObject({
      id: invitation.transaction_id,
      courtier_id: broker.user.id,
      type: "achat",
      statut: "recherche",
      progression: 0,
      date_debut: todayInQuebec(),
    });

    const etapes = await etapesOf(transaction!.id);
    expect(etapes.map((e) => [e.ordre, e.titre, e.statut])).toEqual([
      [1, "Recherche de propriétés", "en_cours"],
      [2, "Promesse d’achat", "a_planifier"],
      [3, "Inspection", "a_planifier"],
      [4, "Financement", "a_planifier"],
      [5, "Notaire", "a_planifier"],
    ]);

    const [mail] = await outboxFor(ctx, email);
    expect(mail).toMatchObject({ template: "invitation", locale: "fr", status: "pending" });
    expect(mail!.subject).toBe("Marie Tremblay vous invite à votre portail client");
    // The emailed token is the one whose hash is stored.
    expect(hashToken(await tokenFromEmail(ctx, email))).toBe(row?.token_hash);
  });

  it.each([
    ["vente", "en", "Valuation and listing", "Notary"],
    ["location", "fr", "Recherche", "Remise des clés"],
    ["location", "en", "Search", "Key handover"],
    ["vente", "fr", "Évaluation et mise en marché", "Notaire"],
  ] as const)("seeds the %s étapes in %s", async (type, locale, first, last) => {
    const broker = await createBroker(ctx);
    const invitation = await invite(ctx, broker, { type_projet: type, locale });
    const etapes = await etapesOf(invitation.transaction_id);
    expect(etapes).toHaveLength(5);
    expect(etapes[0]).toMatchObject({ titre: first, ordre: 1, statut: "en_cours" });
    expect(etapes[4]).toMatchObject({ titre: last, ordre: 5, statut: "a_planifier" });
    expect(etapes.every((e) => e.description)).toBe(true);
    const [transaction] = await ctx.database.db
      .select()
      .from(portail_transactions)
      .where(eq(portail_transactions.id, invitation.transaction_id));
    expect(transaction?.type).toBe(type);
  });

  it("writes the invitation in the broker's language unless told otherwise", async () => {
    const broker = await createBroker(ctx, { locale: "en" });
    const english = await invite(ctx, broker, { telephone: undefined, message_personnalise: "" });
    expect(english).toMatchObject({ locale: "en", telephone: null, message_personnalise: null });
    expect((await outboxFor(ctx, english.email))[0]?.locale).toBe("en");
    const french = await invite(ctx, broker, { locale: "fr" });
    expect((await outboxFor(ctx, french.email))[0]?.subject).toMatch(/vous invite/);
  });

  it("stores the access flags the broker chose", async () => {
    const broker = await createBroker(ctx);
    const invitation = await invite(ctx, broker, {
      acces_documents: false,
      acces_taches: false,
      acces_proprietes: false,
    });
    expect(invitation).toMatchObject({
      acces_documents: false,
      acces_messagerie: true,
      acces_taches: false,
      acces_calendrier: true,
      acces_proprietes: false,
    });
  });

  it("refuses an email another broker already invited, without saying who, and changes nothing", async () => {
    const first = await createBroker(ctx, { first_name: "Jacinthe", last_name: "Secrète" });
    const invited = await invite(ctx, first);
    const second = await createBroker(ctx);
    const emailsBefore = await outboxFor(ctx, invited.email);

    const response = await post(
      second.auth,
      invitationBody({ email: invited.email.toUpperCase() }),
    );
    expect(response.statusCode).toBe(409);
    const { error } = response.json();
    expect(error.code).toBe("EMAIL_TAKEN");
    expect(error.fields.map((f: { field: string }) => f.field)).toEqual(["email"]);
    expect(response.body).not.toMatch(/Jacinthe|Secrète|courtier|broker/i);

    expect(await invitationsWithEmail(invited.email)).toHaveLength(1);
    expect(await outboxFor(ctx, invited.email)).toHaveLength(emailsBefore.length);
    const theirs = await ctx.database.db
      .select({ count: sql<number>`count(*)::int` })
      .from(portail_transactions)
      .where(eq(portail_transactions.courtier_id, second.user.id));
    expect(theirs[0]?.count).toBe(0);
  });

  it("lets only one of two brokers inviting the same email at the same instant succeed", async () => {
    const [first, second] = [await createBroker(ctx), await createBroker(ctx)];
    const email = uniqueEmail("simultane");
    const responses = await Promise.all([
      post(first.auth, invitationBody({ email })),
      post(second.auth, invitationBody({ email: email.toUpperCase() })),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json().error.code).toBe("EMAIL_TAKEN");
    expect(await invitationsWithEmail(email)).toHaveLength(1);
    expect(await outboxFor(ctx, email)).toHaveLength(1);
  });

  it("refuses the same broker inviting the same email twice", async () => {
    const broker = await createBroker(ctx);
    const invited = await invite(ctx, broker);
    const again = await post(broker.auth, invitationBody({ email: invited.email }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("EMAIL_TAKEN");
  });

  it("refuses an email that already belongs to an account, with the same answer", async () => {
    const broker = await createBroker(ctx);
    const colleague = await createBroker(ctx);
    const response = await post(broker.auth, invitationBody({ email: colleague.user.email }));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: "EMAIL_TAKEN",
      message: "This email already has an invitation or an account",
    });
    expect(await invitationsWithEmail(colleague.user.email)).toHaveLength(0);
  });

  it.each([
    ["prenom", { prenom: "" }],
    ["prenom", { prenom: "   " }],
    ["nom", { nom: undefined }],
    ["nom", { nom: "x".repeat(101) }],
    ["email", { email: "pas-un-courriel" }],
    ["email", { email: undefined }],
    ["telephone", { telephone: "5".repeat(31) }],
    ["type_projet", { type_projet: "hypotheque" }],
    ["type_projet", { type_projet: undefined }],
    ["message_personnalise", { message_personnalise: "x".repeat(2001) }],
    ["acces_documents", { acces_documents: "oui" }],
    ["locale", { locale: "es" }],
  ])("answers 400 naming %s when it is invalid", async (field, overrides) => {
    const broker = await createBroker(ctx);
    const body = invitationBody(overrides);
    const response = await post(broker.auth, body);
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.fields.map((f: { field: string }) => f.field)).toContain(field);
    if (typeof body.email === "string") expect(await invitationsWithEmail(body.email)).toEqual([]);
  });

  describeAuthorization("POST /client-invitations", ctx, async () => {
    const owner = await createBroker(ctx);
    const { client } = await createActiveClient(ctx);
    const email = uniqueEmail("authz");
    return {
      request: { method: "POST", url: URL, payload: invitationBody({ email }) },
      owner,
      wrongRole: client,
      snapshot: () => invitationsWithEmail(email),
    };
  });
});

describe("GET /client-invitations/:id", () => {
  it("returns the broker's invitation with its activity", async () => {
    const broker = await createBroker(ctx);
    const created = await invite(ctx, broker);
    const response = await get(broker.auth, created.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual(created);
  });

  it("answers 404 for an id that does not exist and 400 for one that is not a number", async () => {
    const broker = await createBroker(ctx);
    expect((await get(broker.auth, 2_000_000_000)).statusCode).toBe(404);
    const bad = await ctx.app.inject({ method: "GET", url: `${URL}/abc`, headers: broker.auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_ERROR");
    expect((await get(broker.auth, 0)).statusCode).toBe(400);
  });

  describeAuthorization("GET /client-invitations/:id", ctx, async () => {
    const { broker, client, invitation } = await createActiveClient(ctx);
    return {
      request: { method: "GET", url: `${URL}/${invitation.id}` },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: snapshotOf(invitation.id),
    };
  });
});

describe("PUT /client-invitations/:id", () => {
  it("edits contact details while the client has not activated, and the search follows", async () => {
    const broker = await createBroker(ctx);
    const created = await invite(ctx, broker);
    const response = await put(broker.auth, created.id, {
      prenom: "Éloïse",
      nom: "Côté",
      telephone: "",
      message_personnalise: "Nouveau message",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      prenom: "Éloïse",
      nom: "Côté",
      telephone: null,
      message_personnalise: "Nouveau message",
      email: created.email,
    });
    const row = await invitationRow(ctx, created.id);
    expect(row?.recherche).toBe(`eloise cote ${created.email}`);
    expect(row?.updated_at.getTime()).toBeGreaterThan(Date.parse(String(created.updated_at)));
  });

  it("sends a fresh link to a corrected email and kills the one sent to the old address", async () => {
    const broker = await createBroker(ctx);
    const created = await invite(ctx, broker);
    const oldToken = await tokenFromEmail(ctx, created.email);
    const corrected = uniqueEmail("corrige");

    const response = await put(broker.auth, created.id, { email: corrected.toUpperCase() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().email).toBe(corrected);

    expect((await byToken(ctx, oldToken)).statusCode).toBe(404);
    const newToken = await tokenFromEmail(ctx, corrected);
    const check = await byToken(ctx, newToken);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().email).toBe(corrected);
    expect((await invitationRow(ctx, created.id))?.recherche).toContain(corrected);
  });

  it("refuses a corrected email that is already taken, and keeps the old one", async () => {
    const broker = await createBroker(ctx);
    const created = await invite(ctx, broker);
    const other = await invite(ctx, await createBroker(ctx));
    const response = await put(broker.auth, created.id, { email: other.email });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("EMAIL_TAKEN");
    expect((await invitationRow(ctx, created.id))?.email).toBe(created.email);
  });

  it("switches the project type of the prepared transaction and its untouched étapes", async () => {
    const broker = await createBroker(ctx);
    const created = await invite(ctx, broker);
    const response = await put(broker.auth, created.id, { type_projet: "location" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().type_projet).toBe("location");
    const [transaction] = await ctx.database.db
      .select()
      .from(portail_transactions)
      .where(eq(portail_transactions.id, created.transaction_id));
    expect(transaction?.type).toBe("location");
    expect((await etapesOf(created.transaction_id)).map((e) => e.titre)).toEqual(
      defaultEtapes("location", "fr").map((e) => e.titre),
    );
  });

  it("keeps étapes the broker already worked on when the type changes", async () => {
    const broker = await createBroker(ctx);
    const created = await invite(ctx, broker);
    await ctx.database.db
      .update(transaction_etapes)
      .set({ date_planifiee: "2026-12-15" })
      .where(
        and(
          eq(transaction_etapes.transaction_id, created.transaction_id),
          eq(transaction_etapes.ordre, 3),
        ),
      );
    expect((await put(broker.auth, created.id, { type_projet: "vente" })).statusCode).toBe(200);
    const etapes = await etapesOf(created.transaction_id);
    expect(etapes.map((e) => e.titre)).toEqual(defaultEtapes("achat", "fr").map((e) => e.titre));
  });

  it("refuses to change contact details once the client has activated (409), but accepts the same values", async () => {
    const { broker, invitation } = await createActiveClient(ctx);
    for (const change of [
      { prenom: "Autre" },
      { email: uniqueEmail("autre") },
      { telephone: "438-555-0000" },
      { type_projet: "vente" },
      { message_personnalise: "Changé" },
    ]) {
      const response = await put(broker.auth, invitation.id, change);
      expect(response.statusCode, JSON.stringify(change)).toBe(409);
      expect(response.json().error.code).toBe("CONFLICT");
    }
    const row = await invitationRow(ctx, invitation.id);
    expect(row).toMatchObject({ prenom: invitation.prenom, email: invitation.email });

    // A form posting what it shows, unchanged, is fine.
    const same = await put(broker.auth, invitation.id, {
      prenom: invitation.prenom,
      nom: invitation.nom,
      email: invitation.email,
      acces_taches: false,
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().acces_taches).toBe(false);
  });

  it("changes access flags at any time", async () => {
    const { broker, invitation } = await createActiveClient(ctx);
    const response = await put(broker.auth, invitation.id, {
      acces_documents: false,
      acces_messagerie: false,
      acces_calendrier: false,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await invitationRow(ctx, invitation.id)).toMatchObject({
      acces_documents: false,
      acces_messagerie: false,
      acces_taches: true,
      acces_calendrier: false,
      acces_proprietes: true,
    });
  });

  it("deactivates an activated client, signing them out everywhere, and reactivates them", async () => {
    const { broker, client, invitation } = await createActiveClient(ctx);
    const off = await put(broker.auth, invitation.id, { statut: "inactif" });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().statut).toBe("inactif");
    const sessions = await ctx.database.db
      .select()
      .from(auth_sessions)
      .where(eq(auth_sessions.user_id, client.user.id));
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);

    const on = await put(broker.auth, invitation.id, { statut: "actif" });
    expect(on.statusCode).toBe(200);
    expect(on.json().statut).toBe("actif");
  });

  it("refuses a statut change before activation (409) and an unknown statut (400)", async () => {
    const broker = await createBroker(ctx);
    const created = await invite(ctx, broker);
    const early = await put(broker.auth, created.id, { statut: "inactif" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("CONFLICT");
    expect((await invitationRow(ctx, created.id))?.statut).toBe("invite");
    // `invite` can never be set back by hand.
    const back = await put(broker.auth, created.id, { statut: "invite" });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields[0].field).toBe("statut");
  });

  it.each([
    ["prenom", { prenom: "" }],
    ["email", { email: "nope" }],
    ["type_projet", { type_projet: "bail" }],
    ["acces_taches", { acces_taches: "non" }],
    ["telephone", { telephone: "1".repeat(31) }],
  ])("answers 400 naming %s when it is invalid", async (field, payload) => {
    const broker = await createBroker(ctx);
    const created = await invite(ctx, broker);
    const before = await invitationRow(ctx, created.id);
    const response = await put(broker.auth, created.id, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await invitationRow(ctx, created.id)).toEqual(before);
  });

  describeAuthorization("PUT /client-invitations/:id", ctx, async () => {
    const { broker, client, invitation } = await createActiveClient(ctx);
    return {
      request: {
        method: "PUT",
        url: `${URL}/${invitation.id}`,
        payload: { acces_documents: false, statut: "inactif" },
      },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: snapshotOf(invitation.id),
    };
  });
});

describe("POST /client-invitations/:id/resend", () => {
  it("emails a new link with a new expiry; the old link stops working", async () => {
    const broker = await createBroker(ctx);
    const created = await invite(ctx, broker);
    const oldToken = await tokenFromEmail(ctx, created.email);
    await ctx.database.db
      .update(client_invitations)
      .set({ token_expires_at: new Date(Date.now() - 1000) })
      .where(eq(client_invitations.id, created.id));

    const response = await resend(broker.auth, created.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(Date.parse(response.json().expires_at)).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    expect(await outboxFor(ctx, created.email)).toHaveLength(2);
    const newToken = await tokenFromEmail(ctx, created.email);
    expect(newToken).not.toBe(oldToken);
    expect((await byToken(ctx, oldToken)).statusCode).toBe(404);
    expect((await byToken(ctx, newToken)).statusCode).toBe(200);
  });

  it("answers 409 once the invitation was activated, and queues nothing", async () => {
    const { broker, invitation } = await createActiveClient(ctx);
    const response = await resend(broker.auth, invitation.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("CONFLICT");
    expect(await outboxFor(ctx, invitation.email)).toHaveLength(0);
  });

  it("answers 400 for an id that is not a number", async () => {
    const broker = await createBroker(ctx);
    const response = await ctx.app.inject({
      method: "POST",
      url: `${URL}/x/resend`,
      headers: broker.auth,
    });
    expect(response.statusCode).toBe(400);
  });

  describeAuthorization("POST /client-invitations/:id/resend", ctx, async () => {
    const broker = await createBroker(ctx);
    const { invitation } = await createInvitedClient(ctx, broker);
    const { client } = await createActiveClient(ctx, broker);
    return {
      request: { method: "POST", url: `${URL}/${invitation.id}/resend` },
      owner: broker,
      otherBroker: await createBroker(ctx),
      wrongRole: client,
      snapshot: snapshotOf(invitation.id),
    };
  });
});

describe("roles", () => {
  it("refuses an admin on the broker routes (403)", async () => {
    const admin = await createUser(ctx, { role: "admin" });
    const response = await post(admin.auth, invitationBody());
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("FORBIDDEN");
  });
});
