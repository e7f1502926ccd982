import { randomBytes } from "node:crypto";
import type { Role, TokenResponse } from "@portail/shared";
import { eq } from "drizzle-orm";
import { client_invitations, portail_transactions, users } from "../src/db/schema.ts";
import { searchText } from "../src/lib/search.ts";
import { hashToken, newOpaqueToken } from "../src/lib/tokens.ts";
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

export type InvitationRow = typeof client_invitations.$inferSelect;
export type TransactionRow = typeof portail_transactions.$inferSelect;

/** An invitation of `broker` not yet activated, with its (plain) token and a first transaction. */
export async function createInvitedClient(
  ctx: TestContext,
  broker: TestUser,
  overrides: Partial<typeof client_invitations.$inferInsert> = {},
): Promise<{ invitation: InvitationRow; token: string; transaction: TransactionRow }> {
  const token = newOpaqueToken();
  const prenom = overrides.prenom ?? "Sophie";
  const nom = overrides.nom ?? "Tremblay";
  const email = overrides.email ?? uniqueEmail("client");
  const [invitation] = await ctx.database.db
    .insert(client_invitations)
    .values({
      courtier_id: broker.user.id,
      prenom,
      nom,
      email,
      type_projet: "achat",
      token_hash: hashToken(token),
      token_expires_at: new Date(Date.now() + 7 * 86_400_000),
      recherche: searchText(prenom, nom, email),
      ...overrides,
    })
    .returning();
  const transaction = await createTransaction(ctx, invitation!);
  return { invitation: invitation!, token, transaction };
}

export async function createTransaction(
  ctx: TestContext,
  invitation: InvitationRow,
  overrides: Partial<typeof portail_transactions.$inferInsert> = {},
): Promise<TransactionRow> {
  const [transaction] = await ctx.database.db
    .insert(portail_transactions)
    .values({
      client_invitation_id: invitation.id,
      courtier_id: invitation.courtier_id,
      type: invitation.type_projet,
      ...overrides,
    })
    .returning();
  return transaction!;
}

/**
 * An activated client of `broker` (a fresh broker when omitted), signed in, with the
 * invitation's first transaction. Access flags can be turned off through `invitation`.
 */
export async function createActiveClient(
  ctx: TestContext,
  broker?: TestUser,
  invitation: Partial<typeof client_invitations.$inferInsert> = {},
): Promise<{
  broker: TestUser;
  client: TestUser;
  invitation: InvitationRow;
  transaction: TransactionRow;
}> {
  const owner = broker ?? (await createBroker(ctx));
  const invited = await createInvitedClient(ctx, owner, {
    statut: "actif",
    token_hash: null,
    token_expires_at: null,
    date_activation: new Date(),
    ...invitation,
  });
  const client = await createUser(ctx, {
    role: "client",
    email: invited.invitation.email,
    first_name: invited.invitation.prenom,
    last_name: invited.invitation.nom,
    client_invitation_id: invited.invitation.id,
  });
  return {
    broker: owner,
    client,
    invitation: invited.invitation,
    transaction: invited.transaction,
  };
}

/**
 * The cast of a transaction route's authorization tests: a broker's active client with their
 * transaction, and another broker, a stranger to it. `invitation` sets the client's access
 * flags (`{ acces_taches: false }`) or anything else of the invitation.
 */
export async function createTransactionScenario(
  ctx: TestContext,
  invitation: Partial<typeof client_invitations.$inferInsert> = {},
) {
  const parties = await createActiveClient(ctx, undefined, invitation);
  return { ...parties, otherBroker: await createBroker(ctx) };
}

/** Turns one of a client's access flags (or its invitation statut) off in the database. */
export async function updateInvitation(
  ctx: TestContext,
  invitationId: number,
  values: Partial<typeof client_invitations.$inferInsert>,
) {
  await ctx.database.db
    .update(client_invitations)
    .set(values)
    .where(eq(client_invitations.id, invitationId));
}
