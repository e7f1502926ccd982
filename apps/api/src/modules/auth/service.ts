import { type Locale, type TokenResponse, webPaths } from "@portail/shared";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { auth_sessions, password_reset_tokens, refresh_tokens, users } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import { hashToken, newOpaqueToken } from "../../lib/tokens.ts";
import type { Mailer } from "../../plugins/mailer.ts";
import type { TokenSigner } from "./jwt.ts";
import { checkPasswordPolicy, type PasswordContext } from "./password-policy.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords.ts";
import {
  canSignIn,
  findUserByEmail,
  findUserById,
  recordClientConnection,
  revokeAllSessions,
  revokeSession,
  toPublicUser,
  type UserRow,
} from "./repository.ts";

export interface AuthDeps {
  db: Db;
  config: Config;
  tokens: TokenSigner;
}

export interface ClientMeta {
  ip?: string;
  userAgent?: string;
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  ((error as { code?: string }).code === "23505" ||
    (error as { cause?: { code?: string } }).cause?.code === "23505");

export function assertPasswordPolicy(password: string, context: PasswordContext) {
  const problem = checkPasswordPolicy(password, context);
  if (problem) throw new AppError("WEAK_PASSWORD", problem.message, { fields: [problem] });
}

/** Opens a session (one per sign-in) and returns the login body of SPEC §4. */
export async function startSession(
  deps: AuthDeps,
  user: UserRow,
  meta: ClientMeta,
): Promise<TokenResponse> {
  const { db, config } = deps;
  const refreshToken = newOpaqueToken();
  const expires = sql`now() + ${`${config.refreshTokenTtlDays} days`}::interval`;
  const sessionId = await db.transaction(async (tx) => {
    const [session] = await tx
      .insert(auth_sessions)
      .values({
        user_id: user.id,
        expires_at: expires,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 500),
      })
      .returning({ id: auth_sessions.id });
    await tx.insert(refresh_tokens).values({
      session_id: session!.id,
      token_hash: hashToken(refreshToken),
      expires_at: expires,
    });
    return session!.id;
  });
  return {
    access_token: await deps.tokens.sign({ userId: user.id, sessionId }),
    refresh_token: refreshToken,
    token_type: "bearer",
    expires_in: deps.tokens.ttlSeconds,
    user: toPublicUser(user),
  };
}

export async function register(
  deps: AuthDeps,
  input: {
    email: string;
    password: string;
    first_name: string;
    last_name: string;
    telephone?: string;
    locale: Locale;
  },
  meta: ClientMeta,
): Promise<TokenResponse> {
  if (deps.config.brokerSignup === "closed") {
    throw new AppError("SIGNUP_CLOSED", "Broker sign-up is closed on this server");
  }
  assertPasswordPolicy(input.password, input);
  const passwordHash = await hashPassword(input.password);
  let user: UserRow;
  try {
    const [row] = await deps.db
      .insert(users)
      .values({
        email: input.email,
        password_hash: passwordHash,
        first_name: input.first_name,
        last_name: input.last_name,
        telephone: input.telephone || null,
        role: "courtier",
        locale: input.locale,
        last_login_at: sql`now()`,
      })
      .returning();
    user = row!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", "An account already uses this email", {
        fields: [{ field: "email", code: "taken", message: "An account already uses this email" }],
      });
    }
    throw error;
  }
  return startSession(deps, user, meta);
}

export async function login(
  deps: AuthDeps,
  input: { email: string; password: string },
  meta: ClientMeta,
): Promise<TokenResponse> {
  const user = await findUserByEmail(deps.db, input.email);
  // Same work and same answer whether the email is unknown or the password wrong.
  const valid = await verifyPassword(
    user?.password_hash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !valid) throw new AppError("INVALID_CREDENTIALS", "Wrong email or password");
  if (!(await canSignIn(deps.db, user))) {
    throw new AppError("ACCOUNT_DISABLED", "This account is disabled");
  }
  await recordClientConnection(deps.db, user);

  const [updated] = await deps.db
    .update(users)
    .set({ last_login_at: sql`now()` })
    .where(eq(users.id, user.id))
    .returning();
  return startSession(deps, updated!, meta);
}

/**
 * Claims a refresh token for one rotation and returns its session. A token presented again
 * means it leaked, and the whole session is revoked (OAuth 2.0 Security BCP), except within
 * `refreshReuseGraceSeconds` of its first use: two tabs or two web replicas holding the same
 * cookie refresh at the same instant, and the one that loses the race must not sign the user
 * out. It gets its own fresh pair for the same session; nothing but hashes is stored.
 */
async function claimRefreshToken(db: Db, config: Config, tokenHash: string): Promise<string> {
  const [claimed] = await db
    .update(refresh_tokens)
    .set({ used_at: sql`now()` })
    .where(
      and(
        eq(refresh_tokens.token_hash, tokenHash),
        isNull(refresh_tokens.used_at),
        gt(refresh_tokens.expires_at, sql`now()`),
      ),
    )
    .returning({ session_id: refresh_tokens.session_id });
  if (claimed) return claimed.session_id;

  // The window counts from the first use and never moves, so reuse cannot keep it open.
  const grace = `${config.refreshReuseGraceSeconds} seconds`;
  const [known] = await db
    .select({
      session_id: refresh_tokens.session_id,
      used_at: refresh_tokens.used_at,
      in_grace: sql<boolean>`(${refresh_tokens.used_at} > now() - ${grace}::interval
        and ${refresh_tokens.expires_at} > now())`,
    })
    .from(refresh_tokens)
    .where(eq(refresh_tokens.token_hash, tokenHash))
    .limit(1);
  if (known?.in_grace) return known.session_id;
  if (known?.used_at) await revokeSession(db, known.session_id, "refresh_token_reuse");
  throw new AppError("INVALID_TOKEN", "Invalid refresh token");
}

/** Rotates a refresh token: a new pair for the same session (see claimRefreshToken). */
export async function refresh(deps: AuthDeps, refreshToken: string): Promise<TokenResponse> {
  const { db, config } = deps;
  const sessionId = await claimRefreshToken(db, config, hashToken(refreshToken));

  const [session] = await db
    .select({ user_id: auth_sessions.user_id })
    .from(auth_sessions)
    .where(
      and(
        eq(auth_sessions.id, sessionId),
        isNull(auth_sessions.revoked_at),
        gt(auth_sessions.expires_at, sql`now()`),
      ),
    )
    .limit(1);
  const user = session ? await findUserById(db, session.user_id) : null;
  if (!session || !user) throw new AppError("INVALID_TOKEN", "Session ended");
  if (!(await canSignIn(db, user))) {
    await revokeSession(db, sessionId, "account_disabled");
    throw new AppError("ACCOUNT_DISABLED", "This account is disabled");
  }

  const next = newOpaqueToken();
  await db.insert(refresh_tokens).values({
    session_id: sessionId,
    token_hash: hashToken(next),
    expires_at: sql`now() + ${`${config.refreshTokenTtlDays} days`}::interval`,
  });
  return {
    access_token: await deps.tokens.sign({ userId: user.id, sessionId }),
    refresh_token: next,
    token_type: "bearer",
    expires_in: deps.tokens.ttlSeconds,
    user: toPublicUser(user),
  };
}

export async function logout(db: Db, sessionId: string) {
  await revokeSession(db, sessionId, "logout");
}

export async function me(db: Db, userId: number) {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError("UNAUTHORIZED", "Unknown user");
  return toPublicUser(user);
}

/**
 * Always succeeds from the caller's point of view, so it never tells whether an email exists.
 * An account that may not sign in (deactivated, or a client whose broker set the invitation
 * `inactif`) is treated as unknown: a new password would not let it in, and the email would
 * tell whoever reads the inbox that the account exists.
 */
export async function requestPasswordReset(
  deps: AuthDeps & { mailer: Mailer },
  input: { email: string; locale?: Locale },
) {
  const user = await findUserByEmail(deps.db, input.email);
  if (!user || !(await canSignIn(deps.db, user))) return;
  const token = newOpaqueToken();
  const locale = user.locale ?? input.locale ?? "fr";
  await deps.db.transaction(async (tx) => {
    await tx.insert(password_reset_tokens).values({
      user_id: user.id,
      token_hash: hashToken(token),
      expires_at: sql`now() + ${`${deps.config.passwordResetTtlMinutes} minutes`}::interval`,
    });
    await deps.mailer.enqueue(tx, {
      template: "password_reset",
      locale,
      to: user.email,
      data: {
        first_name: user.first_name,
        link: `${deps.config.frontendUrl}${webPaths.passwordReset(locale, token)}`,
        ttl_minutes: deps.config.passwordResetTtlMinutes,
      },
    });
  });
}

export async function confirmPasswordReset(
  deps: AuthDeps,
  input: { token: string; password: string },
) {
  const { db } = deps;
  const tokenHash = hashToken(input.token);
  const [row] = await db
    .select({
      id: password_reset_tokens.id,
      user_id: password_reset_tokens.user_id,
      used_at: password_reset_tokens.used_at,
      expired: sql<boolean>`${password_reset_tokens.expires_at} <= now()`,
    })
    .from(password_reset_tokens)
    .where(eq(password_reset_tokens.token_hash, tokenHash))
    .limit(1);
  const user = row ? await findUserById(db, row.user_id) : null;
  // A link of an account cut off since it was sent (deactivated, invitation `inactif`) is
  // answered as an unknown one, whatever its state: it must not change the password.
  if (!row || !user || !(await canSignIn(db, user))) {
    throw new AppError("NOT_FOUND", "Unknown reset link");
  }
  if (row.used_at) throw new AppError("ALREADY_USED", "This reset link was already used");
  if (row.expired) throw new AppError("EXPIRED", "This reset link has expired");

  assertPasswordPolicy(input.password, user);
  const passwordHash = await hashPassword(input.password);

  await db.transaction(async (tx) => {
    // Burn the token first; the condition makes two concurrent confirmations race safely.
    const burned = await tx
      .update(password_reset_tokens)
      .set({ used_at: sql`now()` })
      .where(and(eq(password_reset_tokens.id, row.id), isNull(password_reset_tokens.used_at)))
      .returning({ id: password_reset_tokens.id });
    if (burned.length === 0) throw new AppError("ALREADY_USED", "This reset link was already used");
    await tx
      .update(users)
      .set({ password_hash: passwordHash, updated_at: sql`now()` })
      .where(eq(users.id, user.id));
    // Other outstanding links die too, and every signed-in device must sign in again.
    await tx
      .update(password_reset_tokens)
      .set({ used_at: sql`now()` })
      .where(
        and(eq(password_reset_tokens.user_id, user.id), isNull(password_reset_tokens.used_at)),
      );
    await revokeAllSessions(tx as unknown as Db, user.id, "password_reset");
  });
}
