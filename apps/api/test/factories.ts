import { randomBytes } from "node:crypto";
import type { Role, TokenResponse } from "@portail/shared";
import { eq } from "drizzle-orm";
import { users } from "../src/db/schema.ts";
import { hashPassword } from "../src/modules/auth/passwords.ts";
import { startSession } from "../src/modules/auth/service.ts";
import type { TestContext } from "./context.ts";

export const DEFAULT_PASSWORD = "correct horse battery staple";
// Hashing costs ~50 ms; every factory user shares one hash of the default password.
let defaultHash: Promise<string> | undefined;

export const uniqueEmail = (prefix = "user") =>
  `${prefix}.${randomBytes(5).toString("hex")}@example.com`;

export interface TestUser {
  user: TokenResponse["user"];
  token: string;
  refreshToken: string;
  password: string;
  /** Headers that authenticate as this user. */
  auth: { authorization: string };
}

export async function createUser(
  ctx: TestContext,
  overrides: Partial<typeof users.$inferInsert> & { role?: Role; password?: string } = {},
): Promise<TestUser> {
  const { password, ...values } = overrides;
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  const [row] = await ctx.database.db
    .insert(users)
    .values({
      email: uniqueEmail(values.role ?? "courtier"),
      first_name: "Marie",
      last_name: "Tremblay",
      role: "courtier",
      locale: "fr",
      ...values,
      password_hash: password ? await hashPassword(password) : await defaultHash,
    })
    .returning();
  const session = await startSession(
    { db: ctx.database.db, config: ctx.config, tokens: ctx.app.tokens },
    row!,
    {},
  );
  return {
    user: session.user,
    token: session.access_token,
    refreshToken: session.refresh_token,
    password: password ?? DEFAULT_PASSWORD,
    auth: { authorization: `Bearer ${session.access_token}` },
  };
}

export const createBroker = (ctx: TestContext, overrides: Parameters<typeof createUser>[1] = {}) =>
  createUser(ctx, { role: "courtier", ...overrides });

export async function deactivateUser(ctx: TestContext, userId: number) {
  await ctx.database.db.update(users).set({ is_active: false }).where(eq(users.id, userId));
}
