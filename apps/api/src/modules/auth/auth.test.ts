import { desc, eq, sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createActiveClient,
  createBroker,
  deactivateUser,
  uniqueEmail,
  updateInvitation,
} from "../../../test/factories.ts";
import { describeAuthorization } from "../../../test/security.ts";
import {
  auth_sessions,
  email_outbox,
  password_reset_tokens,
  refresh_tokens,
  users,
} from "../../db/schema.ts";
import { hashToken } from "../../lib/tokens.ts";

// Rate limits have their own file; here they must never interfere.
const ctx = useTestApp({ RATE_LIMIT_AUTH_PER_IP: "10000", RATE_LIMIT_AUTH_PER_EMAIL: "10000" });

const STRONG = "une longue phrase au bord du fleuve";

const post = (path: string, payload?: object, extra: Partial<InjectOptions> = {}) =>
  ctx.app.inject({ method: "POST", url: `/api/v1/auth${path}`, payload, ...extra });
const me = (accessToken: string) =>
  ctx.app.inject({
    method: "GET",
    url: "/api/v1/auth/me",
    headers: { authorization: `Bearer ${accessToken}` },
  });
const login = (email: string, password: string) => post("/login", { email, password });
const refresh = (refreshToken: string) => post("/refresh", { refresh_token: refreshToken });

const registration = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail("inscription"),
  password: STRONG,
  first_name: "Julie",
  last_name: "Gagnon",
  ...overrides,
});

async function sessionOf(refreshToken: string) {
  const [row] = await ctx.database.db
    .select({ session_id: refresh_tokens.session_id })
    .from(refresh_tokens)
    .where(eq(refresh_tokens.token_hash, hashToken(refreshToken)));
  return row?.session_id;
}

async function sessionRow(refreshToken: string) {
  const [row] = await ctx.database.db
    .select()
    .from(auth_sessions)
    .where(eq(auth_sessions.id, (await sessionOf(refreshToken))!));
  return row;
}

/** Moves a rotated token's first use into the past, as if the clock had run. */
async function usedSecondsAgo(refreshToken: string, seconds: number) {
  await ctx.database.db
    .update(refresh_tokens)
    .set({ used_at: sql`now() - ${`${seconds} seconds`}::interval` })
    .where(eq(refresh_tokens.token_hash, hashToken(refreshToken)));
}

async function userRow(email: string) {
  const [row] = await ctx.database.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

async function outboxFor(email: string) {
  return ctx.database.db
    .select()
    .from(email_outbox)
    .where(eq(email_outbox.to_address, email))
    .orderBy(desc(email_outbox.id));
}

/** Asks for a reset link and returns the token from the queued email, as the user would. */
async function requestResetToken(email: string, typed = email): Promise<string> {
  const response = await post("/password-reset/request", { email: typed });
  expect(response.statusCode).toBe(202);
  const [latest] = await outboxFor(email);
  const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(latest?.text ?? "");
  expect(match, latest?.text).not.toBeNull();
  return match![1]!;
}

describe("POST /auth/register", () => {
  it("creates a broker, signs them in and returns working tokens", async () => {
    const body = registration({ telephone: "514-555-0101", locale: "en" });
    const response = await post("/register", body);
    expect(response.statusCode, response.body).toBe(201);
    const session = response.json();
    expect(session).toMatchObject({
      token_type: "bearer",
      expires_in: ctx.config.accessTokenTtlSeconds,
      user: {
        email: body.email,
        first_name: "Julie",
        last_name: "Gagnon",
        telephone: "514-555-0101",
        role: "courtier",
        locale: "en",
        is_active: true,
      },
    });
    expect(session.user).not.toHaveProperty("password_hash");
    expect((await me(session.access_token)).json().email).toBe(body.email);
    expect((await refresh(session.refresh_token)).statusCode).toBe(200);

    const row = await userRow(body.email);
    expect(row?.role).toBe("courtier");
    // Stored as an argon2id hash, never as typed.
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("stores the email trimmed and lower-cased", async () => {
    const email = uniqueEmail("Jean.Dupont");
    const response = await post("/register", registration({ email: `  ${email.toUpperCase()} ` }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().user.email).toBe(email.toLowerCase());
    expect((await userRow(email))?.email).toBe(email.toLowerCase());
  });

  it("refuses an email already taken in another case with 409 EMAIL_TAKEN", async () => {
    const email = uniqueEmail("double");
    expect((await post("/register", registration({ email }))).statusCode).toBe(201);
    const again = await post("/register", registration({ email: email.toUpperCase() }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("EMAIL_TAKEN");
    const [{ count }] = (await ctx.database.db
      .select({ count: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)) as [{ count: number }];
    expect(count).toBe(1);
  });

  it("creates one account when the same email registers twice at once", async () => {
    const email = uniqueEmail("course");
    const responses = await Promise.all([
      post("/register", registration({ email })),
      post("/register", registration({ email: email.toUpperCase() })),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it.each([
    ["too short", "court9car", "VALIDATION_ERROR"],
    [
      "too long",
      `${"Une maison de pierre au bord du fleuve. ".repeat(4)}`.slice(0, 129),
      "VALIDATION_ERROR",
    ],
    ["common", "password123", "WEAK_PASSWORD"],
    ["common digits", "1234567890", "WEAK_PASSWORD"],
    ["built on the user's name", "Gagnon2024!", "WEAK_PASSWORD"],
  ])("refuses a %s password with 400 naming the password field", async (_case, password, code) => {
    const body = registration({ password });
    const response = await post("/register", body);
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe(code);
    expect(error.fields.map((f: { field: string }) => f.field)).toContain("password");
    expect(await userRow(body.email)).toBeUndefined();
  });

  it("accepts a password of exactly 128 characters", async () => {
    const password = "Une maison de pierre au bord du fleuve. ".repeat(4).slice(0, 128);
    expect((await post("/register", registration({ password }))).statusCode).toBe(201);
  });
});

describe("POST /auth/login", () => {
  it("signs in with any case of the email and records the sign-in time", async () => {
    const broker = await createBroker(ctx);
    expect((await userRow(broker.user.email))?.last_login_at).toBeNull();

    const response = await login(`  ${broker.user.email.toUpperCase()}`, broker.password);
    expect(response.statusCode, response.body).toBe(200);
    const session = response.json();
    expect(session.user.id).toBe(broker.user.id);
    expect((await me(session.access_token)).statusCode).toBe(200);

    const row = await userRow(broker.user.email);
    expect(row?.last_login_at).toBeInstanceOf(Date);
    expect(session.user.last_login_at).toBe(row?.last_login_at?.toISOString());
  });

  it("answers a wrong password and an unknown email exactly alike", async () => {
    const broker = await createBroker(ctx);
    const wrong = await login(broker.user.email, "not the right password");
    const unknown = await login(uniqueEmail("nobody"), "not the right password");
    const shape = (r: typeof wrong) => {
      const { request_id: _id, ...error } = r.json().error;
      return { status: r.statusCode, error };
    };
    expect(shape(wrong)).toEqual({
      status: 401,
      error: { code: "INVALID_CREDENTIALS", message: expect.any(String) },
    });
    expect(shape(unknown)).toEqual(shape(wrong));
  });

  it("refuses a deactivated user, even with the right password, and opens no session", async () => {
    const broker = await createBroker(ctx);
    await deactivateUser(ctx, broker.user.id);
    const sessions = () =>
      ctx.database.db.select().from(auth_sessions).where(eq(auth_sessions.user_id, broker.user.id));
    const before = (await sessions()).length;
    const response = await login(broker.user.email, broker.password);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("ACCOUNT_DISABLED");
    expect(await sessions()).toHaveLength(before);
  });
});

describe("POST /auth/refresh", () => {
  it("rotates: the new tokens work, and rotate again", async () => {
    const broker = await createBroker(ctx);
    const first = await refresh(broker.refreshToken);
    expect(first.statusCode, first.body).toBe(200);
    const rotated = first.json();
    expect(rotated.refresh_token).not.toBe(broker.refreshToken);
    expect(rotated.user.id).toBe(broker.user.id);
    expect((await me(rotated.access_token)).statusCode).toBe(200);
    expect((await refresh(rotated.refresh_token)).statusCode).toBe(200);
  });

  it("serves two refreshes of one token at the same instant (two tabs), keeping the session", async () => {
    const broker = await createBroker(ctx);
    const [a, b] = await Promise.all([refresh(broker.refreshToken), refresh(broker.refreshToken)]);
    expect([a.statusCode, b.statusCode], `${a.body}\n${b.body}`).toEqual([200, 200]);
    const [first, second] = [a.json(), b.json()];
    // Each caller gets a pair of its own, for the same session.
    expect(first.refresh_token).not.toBe(second.refresh_token);
    expect(await sessionOf(first.refresh_token)).toBe(await sessionOf(second.refresh_token));
    for (const pair of [first, second]) {
      expect((await me(pair.access_token)).statusCode).toBe(200);
      const next = await refresh(pair.refresh_token);
      expect(next.statusCode, next.body).toBe(200);
      expect((await me(next.json().access_token)).statusCode).toBe(200);
    }
    expect((await sessionRow(first.refresh_token))?.revoked_at).toBeNull();
  });

  it("treats reuse of a rotated token after the grace window as theft and ends the whole session", async () => {
    const broker = await createBroker(ctx);
    const rotated = (await refresh(broker.refreshToken)).json();
    // Within the window, a late second tab is still served.
    const late = await refresh(broker.refreshToken);
    expect(late.statusCode, late.body).toBe(200);
    await usedSecondsAgo(broker.refreshToken, ctx.config.refreshReuseGraceSeconds + 1);

    const reuse = await refresh(broker.refreshToken);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe("INVALID_TOKEN");

    expect(await sessionRow(rotated.refresh_token)).toMatchObject({
      revoked_reason: "refresh_token_reuse",
    });
    for (const pair of [rotated, late.json()]) {
      expect((await me(pair.access_token)).statusCode).toBe(401);
      expect((await refresh(pair.refresh_token)).statusCode).toBe(401);
    }
    expect((await me(broker.token)).statusCode).toBe(401);
    // The user can still sign in again: only the stolen session is gone.
    expect((await login(broker.user.email, broker.password)).statusCode).toBe(200);
  });

  it("stores refresh tokens only as hashes", async () => {
    const broker = await createBroker(ctx);
    const [a, b] = await Promise.all([refresh(broker.refreshToken), refresh(broker.refreshToken)]);
    const rows = await ctx.database.db
      .select({ token_hash: refresh_tokens.token_hash })
      .from(refresh_tokens)
      .where(eq(refresh_tokens.session_id, (await sessionOf(broker.refreshToken))!));
    const stored = rows.map((r) => r.token_hash).sort();
    const issued = [broker.refreshToken, a.json().refresh_token, b.json().refresh_token];
    expect(stored).toEqual(issued.map(hashToken).sort());
    for (const token of issued) expect(stored).not.toContain(token);
  });

  it("refuses an unknown token and a deactivated user's token", async () => {
    expect((await refresh("not-a-real-refresh-token")).statusCode).toBe(401);
    const broker = await createBroker(ctx);
    await deactivateUser(ctx, broker.user.id);
    expect((await refresh(broker.refreshToken)).statusCode).toBe(401);
  });
});

describe("POST /auth/refresh without a grace window", () => {
  const strict = useTestApp({ REFRESH_REUSE_GRACE_SECONDS: "0" });

  it("revokes the session on the first reuse", async () => {
    const broker = await createBroker(strict);
    const post = (token: string) =>
      strict.app.inject({
        method: "POST",
        url: "/api/v1/auth/refresh",
        payload: { refresh_token: token },
      });
    const rotated = await post(broker.refreshToken);
    expect(rotated.statusCode).toBe(200);
    expect((await post(broker.refreshToken)).statusCode).toBe(401);
    expect((await post(rotated.json().refresh_token)).statusCode).toBe(401);
  });
});

describe("POST /auth/logout", () => {
  it("ends this session only: its access and refresh tokens stop working", async () => {
    const broker = await createBroker(ctx);
    const otherDevice = (await login(broker.user.email, broker.password)).json();

    const response = await post("/logout", undefined, { headers: broker.auth });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");

    expect((await me(broker.token)).statusCode).toBe(401);
    expect((await refresh(broker.refreshToken)).statusCode).toBe(401);
    expect((await me(otherDevice.access_token)).statusCode).toBe(200);
  });
});

describe("GET /auth/me", () => {
  it("returns the signed-in user", async () => {
    const broker = await createBroker(ctx, { first_name: "Éloïse", locale: "en" });
    const response = await me(broker.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(broker.user);
    expect(response.json()).toMatchObject({ first_name: "Éloïse", locale: "en", role: "courtier" });
  });
});

describeAuthorization("GET /auth/me", ctx, async () => ({
  request: { method: "GET", url: "/api/v1/auth/me" },
  owner: await createBroker(ctx),
}));

describeAuthorization("POST /auth/logout", ctx, async () => {
  const owner = await createBroker(ctx);
  return {
    request: { method: "POST", url: "/api/v1/auth/logout" },
    owner,
    // A refused logout must revoke nothing.
    snapshot: () =>
      ctx.database.db
        .select({ id: auth_sessions.id, revoked_at: auth_sessions.revoked_at })
        .from(auth_sessions)
        .where(eq(auth_sessions.user_id, owner.user.id))
        .orderBy(auth_sessions.id),
  };
});

describe("password reset", () => {
  it("answers a known and an unknown email identically, emailing only the known one", async () => {
    const broker = await createBroker(ctx);
    const stranger = uniqueEmail("inconnu");
    const known = await post("/password-reset/request", { email: broker.user.email });
    const unknown = await post("/password-reset/request", { email: stranger });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);

    const [email, ...others] = await outboxFor(broker.user.email);
    expect(others).toHaveLength(0);
    expect(email).toMatchObject({ template: "password_reset", locale: "fr", status: "pending" });
    expect(email?.text).toContain(`${ctx.config.frontendUrl}/fr/reset-password/`);
    expect(await outboxFor(stranger)).toHaveLength(0);
  });

  it("emails nobody for a deactivated account, with the same answer", async () => {
    const broker = await createBroker(ctx);
    await deactivateUser(ctx, broker.user.id);
    const response = await post("/password-reset/request", { email: broker.user.email });
    expect(response.statusCode).toBe(202);
    expect(await outboxFor(broker.user.email)).toHaveLength(0);
  });

  it("emails nobody for a client whose invitation is inactif, with the same answer as for an unknown email", async () => {
    const { client, invitation } = await createActiveClient(ctx);
    await updateInvitation(ctx, invitation.id, { statut: "inactif" });
    const cutOff = await post("/password-reset/request", { email: client.user.email });
    const unknown = await post("/password-reset/request", { email: uniqueEmail("inconnu") });
    expect(cutOff.statusCode).toBe(202);
    expect(cutOff.body).toBe(unknown.body);
    expect(await outboxFor(client.user.email)).toHaveLength(0);
  });

  it.each([
    ["the client's invitation was set inactif", "inactif"],
    ["the account was deactivated", "deactivated"],
  ] as const)(
    "refuses a link like an unknown one once %s, leaving the password alone",
    async (_case, cut) => {
      const { client, invitation } = await createActiveClient(ctx);
      const token = await requestResetToken(client.user.email);
      if (cut === "inactif") await updateInvitation(ctx, invitation.id, { statut: "inactif" });
      else await deactivateUser(ctx, client.user.id);

      const response = await post("/password-reset/confirm", { token, password: STRONG });
      const unknown = await post("/password-reset/confirm", {
        token: "bm90LWEtcmVhbC1yZXNldC10b2tlbi1hdC1hbGwtMTIzNDU",
        password: STRONG,
      });
      expect(response.statusCode).toBe(404);
      const { request_id: _a, ...refused } = response.json().error;
      const { request_id: _b, ...unknownError } = unknown.json().error;
      expect(refused).toEqual(unknownError);

      // Let back in, the client still has the old password and the link is still unused.
      if (cut === "inactif") await updateInvitation(ctx, invitation.id, { statut: "actif" });
      else
        await ctx.database.db
          .update(users)
          .set({ is_active: true })
          .where(eq(users.id, client.user.id));
      expect((await login(client.user.email, client.password)).statusCode).toBe(200);
      const [row] = await ctx.database.db
        .select({ used_at: password_reset_tokens.used_at })
        .from(password_reset_tokens)
        .where(eq(password_reset_tokens.user_id, client.user.id));
      expect(row?.used_at).toBeNull();
    },
  );

  it("writes the email in the user's language", async () => {
    const broker = await createBroker(ctx, { locale: "en" });
    await requestResetToken(broker.user.email);
    const [email] = await outboxFor(broker.user.email);
    expect(email?.locale).toBe("en");
    expect(email?.text).toContain(`${ctx.config.frontendUrl}/en/reset-password/`);
  });

  it("sets a new password once, signs out every device and kills the old password", async () => {
    const broker = await createBroker(ctx);
    // Typed in another case, as people do.
    const token = await requestResetToken(broker.user.email, ` ${broker.user.email.toUpperCase()}`);
    const newPassword = "un tout nouveau mot de passe solide";

    const confirm = await post("/password-reset/confirm", { token, password: newPassword });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toEqual({ ok: true });

    expect((await login(broker.user.email, broker.password)).statusCode).toBe(401);
    expect((await login(broker.user.email, newPassword)).statusCode).toBe(200);
    expect((await me(broker.token)).statusCode).toBe(401);
    expect((await refresh(broker.refreshToken)).statusCode).toBe(401);

    const again = await post("/password-reset/confirm", { token, password: `${newPassword} 2` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ALREADY_USED");
    expect((await login(broker.user.email, newPassword)).statusCode).toBe(200);
  });

  it("accepts a link once even when it is submitted twice at the same moment", async () => {
    const broker = await createBroker(ctx);
    const token = await requestResetToken(broker.user.email);
    const passwords = ["premier mot de passe bien long", "second mot de passe bien long"];
    const responses = await Promise.all(
      passwords.map((password) => post("/password-reset/confirm", { token, password })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    // The password in force is the one whose request won.
    const winner = passwords[responses.findIndex((r) => r.statusCode === 200)]!;
    expect((await login(broker.user.email, winner)).statusCode).toBe(200);
  });

  it("kills the other outstanding links once one is used", async () => {
    const broker = await createBroker(ctx);
    const older = await requestResetToken(broker.user.email);
    const newer = await requestResetToken(broker.user.email);
    expect(newer).not.toBe(older);
    expect(
      (await post("/password-reset/confirm", { token: newer, password: STRONG })).statusCode,
    ).toBe(200);
    const stale = await post("/password-reset/confirm", { token: older, password: `${STRONG}!` });
    expect(stale.statusCode).toBe(409);
    expect((await login(broker.user.email, STRONG)).statusCode).toBe(200);
  });

  it("answers 410 EXPIRED for an expired link and leaves the password alone", async () => {
    const broker = await createBroker(ctx);
    const token = await requestResetToken(broker.user.email);
    await ctx.database.db
      .update(password_reset_tokens)
      .set({ expires_at: sql`now() - interval '1 minute'` })
      .where(eq(password_reset_tokens.user_id, broker.user.id));
    const response = await post("/password-reset/confirm", { token, password: STRONG });
    expect(response.statusCode).toBe(410);
    expect(response.json().error.code).toBe("EXPIRED");
    expect((await login(broker.user.email, broker.password)).statusCode).toBe(200);
  });

  it("answers 404 for an unknown link", async () => {
    const response = await post("/password-reset/confirm", {
      token: "bm90LWEtcmVhbC1yZXNldC10b2tlbi1hdC1hbGwtMTIzNDU",
      password: STRONG,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("NOT_FOUND");
  });

  it("refuses a weak new password without using up the link", async () => {
    const broker = await createBroker(ctx);
    const token = await requestResetToken(broker.user.email);
    for (const [password, code] of [
      ["court", "VALIDATION_ERROR"],
      ["1234567890", "WEAK_PASSWORD"],
      ["Tremblay2024!", "WEAK_PASSWORD"], // the factory's last name
    ] as const) {
      const response = await post("/password-reset/confirm", { token, password });
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(
        "password",
      );
    }
    expect((await login(broker.user.email, broker.password)).statusCode).toBe(200);
    expect((await post("/password-reset/confirm", { token, password: STRONG })).statusCode).toBe(
      200,
    );
  });
});
