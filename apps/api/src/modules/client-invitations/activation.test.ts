import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createBroker,
  createUser,
  deactivateUser,
  updateInvitation,
} from "../../../test/factories.ts";
import { users } from "../../db/schema.ts";
import {
  activate,
  byToken,
  invitationRow,
  invite,
  inviteAndActivate,
  STRONG_PASSWORD,
  tokenFromEmail,
} from "./testing.ts";

const ctx = useTestApp({ RATE_LIMIT_AUTH_PER_IP: "10000", RATE_LIMIT_AUTH_PER_EMAIL: "10000" });
const URL = "/api/v1/client-invitations";

const me = (auth: Record<string, string>) =>
  ctx.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: auth });
const login = (email: string, password = STRONG_PASSWORD) =>
  ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
const refresh = (token: string) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/v1/auth/refresh",
    payload: { refresh_token: token },
  });
const setStatut = (auth: Record<string, string>, id: number, statut: "actif" | "inactif") =>
  ctx.app.inject({ method: "PUT", url: `${URL}/${id}`, headers: auth, payload: { statut } });

async function usersWithEmail(email: string) {
  return ctx.database.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
}

async function invited(overrides: Record<string, unknown> = {}) {
  const broker = await createBroker(ctx, {
    first_name: "Marie",
    last_name: "Dubois",
    telephone: "514-555-0123",
  });
  const invitation = await invite(ctx, broker, overrides);
  const token = await tokenFromEmail(ctx, invitation.email);
  return { broker, invitation, token };
}

describe("GET /client-invitations/by-token/:token", () => {
  it("tells the activation page who is invited and by which broker, without a sign-in", async () => {
    const { broker, invitation, token } = await invited({ type_projet: "vente", locale: "en" });
    const response = await byToken(ctx, token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      prenom: "Sophie",
      nom: "Tremblay",
      email: invitation.email,
      type_projet: "vente",
      locale: "en",
      courtier: {
        first_name: "Marie",
        last_name: "Dubois",
        email: broker.user.email,
        telephone: "514-555-0123",
      },
      expires_at: invitation.expires_at,
    });
  });

  it("answers 404 to an unknown token, naming nobody", async () => {
    const response = await byToken(ctx, "un-jeton-qui-n-existe-pas");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("NOT_FOUND");
    expect(response.json().error).not.toHaveProperty("details");
  });

  it("answers 410 EXPIRED once the link has expired, naming the broker to ask for a new one", async () => {
    const { broker, invitation, token } = await invited();
    await updateInvitation(ctx, invitation.id, { token_expires_at: new Date(Date.now() - 1000) });
    const response = await byToken(ctx, token);
    expect(response.statusCode).toBe(410);
    const { error } = response.json();
    expect(error.code).toBe("EXPIRED");
    // Exactly the contact, nothing else about the broker's account.
    expect(error.details).toEqual({
      courtier: {
        first_name: "Marie",
        last_name: "Dubois",
        email: broker.user.email,
        telephone: "514-555-0123",
      },
    });
  });

  it("answers 409 ALREADY_USED once activated, and 404 once the broker withdrew the client", async () => {
    const { broker } = await invited();
    const { invitation, token } = await inviteAndActivate(ctx, broker);
    const used = await byToken(ctx, token);
    expect(used.statusCode).toBe(409);
    expect(used.json().error.code).toBe("ALREADY_USED");

    expect((await setStatut(broker.auth, invitation.id, "inactif")).statusCode).toBe(200);
    expect((await byToken(ctx, token)).statusCode).toBe(404);
  });

  it("answers 404 once the inviting broker's account was deactivated", async () => {
    const { broker, token } = await invited();
    await deactivateUser(ctx, broker.user.id);
    expect((await byToken(ctx, token)).statusCode).toBe(404);
    expect((await activate(ctx, token)).statusCode).toBe(404);
  });

  it("refuses a token far longer than any we issue before looking it up", async () => {
    // The params schema caps the token at 100 characters; ours have 43.
    for (const reply of [
      await byToken(ctx, "a".repeat(101)),
      await activate(ctx, "a".repeat(500)),
    ]) {
      expect(reply.statusCode, reply.body).toBe(400);
      const { error } = reply.json();
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(error.fields).toEqual([expect.objectContaining({ field: "token", code: "too_big" })]);
    }
  });
});

describe("the expired link's details in the OpenAPI document", () => {
  it("documents error.details.courtier on the error body", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const schemas = doc.components.schemas;
    expect(schemas.ErrorBody.properties.error.properties.details).toEqual({
      $ref: "#/components/schemas/ErrorDetails",
    });
    expect(schemas.ErrorDetails.properties.courtier).toEqual({
      $ref: "#/components/schemas/CourtierContact",
    });
    expect(schemas.CourtierContact.required).toEqual([
      "first_name",
      "last_name",
      "email",
      "telephone",
    ]);
  });
});

describe("POST /client-invitations/activate/:token", () => {
  it("creates the client account, activates the invitation and signs the client in", async () => {
    const { invitation, token } = await invited({ locale: "en" });
    const response = await activate(ctx, token, { first_name: "Sophie-Anne" });
    expect(response.statusCode, response.body).toBe(201);
    const session = response.json();
    expect(session).toMatchObject({
      token_type: "bearer",
      expires_in: ctx.config.accessTokenTtlSeconds,
      user: {
        email: invitation.email,
        first_name: "Sophie-Anne",
        last_name: "Tremblay",
        telephone: "514-555-0199",
        role: "client",
        locale: "en",
        client_invitation_id: invitation.id,
        is_active: true,
      },
    });
    expect(session.user.last_login_at).not.toBeNull();

    const auth = { authorization: `Bearer ${session.access_token}` };
    expect((await me(auth)).json().id).toBe(session.user.id);
    expect((await refresh(session.refresh_token)).statusCode).toBe(200);

    const row = await invitationRow(ctx, invitation.id);
    expect(row?.statut).toBe("actif");
    expect(row?.date_activation).toBeInstanceOf(Date);
    expect(row?.derniere_connexion).toBeInstanceOf(Date);
    const [user] = await usersWithEmail(invitation.email);
    expect(user?.password_hash).toMatch(/^\$argon2id\$/);

    // The client signs in with the chosen password from now on.
    expect((await login(invitation.email)).statusCode).toBe(200);
  });

  it("keeps the invitation's names when none are given", async () => {
    const { token } = await invited();
    const response = await activate(ctx, token);
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({ first_name: "Sophie", last_name: "Tremblay" });
  });

  it("works once: a second activation answers 409 and creates nothing", async () => {
    const { invitation, token } = await invited();
    expect((await activate(ctx, token)).statusCode).toBe(201);
    const again = await activate(ctx, token, { password: "une autre phrase de passe" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ALREADY_USED");
    expect(await usersWithEmail(invitation.email)).toHaveLength(1);
    // The first password still works, the second never took effect.
    expect((await login(invitation.email, "une autre phrase de passe")).statusCode).toBe(401);
  });

  it("lets exactly one of two concurrent activations win", async () => {
    const { invitation, token } = await invited();
    const [a, b] = await Promise.all([
      activate(ctx, token),
      activate(ctx, token, { password: "une autre phrase de passe" }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses, `${a.body}\n${b.body}`).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe("ALREADY_USED");
    expect(await usersWithEmail(invitation.email)).toHaveLength(1);
  });

  it("answers 410 EXPIRED after the validity period, with the broker's contact, and creates no account", async () => {
    const broker = await createBroker(ctx, {
      first_name: "Jean",
      last_name: "Roy",
      telephone: null,
    });
    const invitation = await invite(ctx, broker);
    const token = await tokenFromEmail(ctx, invitation.email);
    await updateInvitation(ctx, invitation.id, { token_expires_at: new Date(Date.now() - 1000) });
    const response = await activate(ctx, token);
    expect(response.statusCode).toBe(410);
    const { error } = response.json();
    expect(error.code).toBe("EXPIRED");
    expect(error.details).toEqual({
      courtier: { first_name: "Jean", last_name: "Roy", email: broker.user.email, telephone: null },
    });
    expect(await usersWithEmail(invitation.email)).toHaveLength(0);
    expect((await invitationRow(ctx, invitation.id))?.statut).toBe("invite");
  });

  it("answers 404 to an unknown token and to a link replaced by a resend", async () => {
    const unknown = await activate(ctx, "inconnu");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).not.toHaveProperty("details");
    const { broker, invitation, token } = await invited();
    const resent = await ctx.app.inject({
      method: "POST",
      url: `${URL}/${invitation.id}/resend`,
      headers: broker.auth,
    });
    expect(resent.statusCode).toBe(200);
    expect((await activate(ctx, token)).statusCode).toBe(404);
    expect((await activate(ctx, await tokenFromEmail(ctx, invitation.email))).statusCode).toBe(201);
  });

  it("answers 409 EMAIL_TAKEN when the address got an account meanwhile, leaving the invitation open", async () => {
    const { invitation, token } = await invited();
    await createUser(ctx, { role: "courtier", email: invitation.email });
    const response = await activate(ctx, token);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("EMAIL_TAKEN");
    expect((await invitationRow(ctx, invitation.id))?.statut).toBe("invite");
  });

  it.each([
    ["too short", { password: "court" }, "VALIDATION_ERROR"],
    ["missing", { password: undefined }, "VALIDATION_ERROR"],
    ["too long", { password: "x".repeat(129) }, "VALIDATION_ERROR"],
    ["common", { password: "password123" }, "WEAK_PASSWORD"],
    ["built on the client's name", { password: "Tremblay2024!" }, "WEAK_PASSWORD"],
  ])("refuses a %s password (400) and activates nothing", async (_case, payload, code) => {
    const { invitation, token } = await invited();
    const response = await activate(ctx, token, payload);
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe(code);
    expect(error.fields.map((f: { field: string }) => f.field)).toContain("password");
    expect((await invitationRow(ctx, invitation.id))?.statut).toBe("invite");
    expect(await usersWithEmail(invitation.email)).toHaveLength(0);
  });

  it.each([
    ["first_name", { first_name: "" }],
    ["last_name", { last_name: "x".repeat(101) }],
  ])("refuses an invalid %s (400)", async (field, payload) => {
    const { token } = await invited();
    const response = await activate(ctx, token, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});

describe("a client whose invitation the broker sets inactif", () => {
  it("is cut off at once, cannot sign in, and gets back in after reactivation", async () => {
    const { broker } = await invited();
    const { invitation, session, auth } = await inviteAndActivate(ctx, broker);
    expect((await me(auth)).statusCode).toBe(200);

    expect((await setStatut(broker.auth, invitation.id, "inactif")).statusCode).toBe(200);
    expect((await me(auth)).statusCode).toBe(401);
    expect((await refresh(session.refresh_token)).statusCode).toBe(401);
    const refused = await login(invitation.email);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe("ACCOUNT_DISABLED");

    expect((await setStatut(broker.auth, invitation.id, "actif")).statusCode).toBe(200);
    const back = await login(invitation.email);
    expect(back.statusCode, back.body).toBe(200);
    const again = { authorization: `Bearer ${back.json().access_token}` };
    expect((await me(again)).statusCode).toBe(200);
  });

  it("updates « dernière connexion » at each later sign-in", async () => {
    const { broker } = await invited();
    const { invitation } = await inviteAndActivate(ctx, broker);
    const past = new Date("2026-01-15T12:00:00Z");
    await updateInvitation(ctx, invitation.id, { derniere_connexion: past });

    expect((await login(invitation.email)).statusCode).toBe(200);
    const row = await invitationRow(ctx, invitation.id);
    expect(row!.derniere_connexion!.getTime()).toBeGreaterThan(Date.now() - 60_000);

    const seen = await ctx.app.inject({
      method: "GET",
      url: `${URL}/${invitation.id}`,
      headers: broker.auth,
    });
    expect(seen.json().derniere_connexion).toBe(row!.derniere_connexion!.toISOString());
  });
});

describe("the client's account", () => {
  it("is linked to the invitation both ways", async () => {
    const { broker } = await invited();
    const { invitation, session } = await inviteAndActivate(ctx, broker);
    const [user] = await ctx.database.db.select().from(users).where(eq(users.id, session.user.id));
    expect(user?.client_invitation_id).toBe(invitation.id);
    expect(user?.role).toBe("client");
  });
});
