// Test helpers of the client-invitations module (imported by its *.test.ts files only).
import { desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { TestContext } from "../../../test/context.ts";
import { type TestUser, uniqueEmail } from "../../../test/factories.ts";
import { client_invitations, email_outbox } from "../../db/schema.ts";

export const STRONG_PASSWORD = "une longue phrase au bord du fleuve";

export const invitationBody = (overrides: Record<string, unknown> = {}) => ({
  prenom: "Sophie",
  nom: "Tremblay",
  email: uniqueEmail("sophie"),
  telephone: "514-555-0199",
  type_projet: "achat",
  message_personnalise: "Bienvenue dans votre portail.",
  ...overrides,
});

/** Invites through the API, as the broker's form does. */
export async function invite(
  ctx: TestContext,
  broker: TestUser,
  overrides: Record<string, unknown> = {},
) {
  const payload = invitationBody(overrides);
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/client-invitations",
    headers: broker.auth,
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; email: string; transaction_id: number } & Record<
    string,
    unknown
  >;
}

export async function outboxFor(ctx: TestContext, email: string) {
  return ctx.database.db
    .select()
    .from(email_outbox)
    .where(eq(email_outbox.to_address, email))
    .orderBy(desc(email_outbox.id));
}

const ACTIVATION_LINK = /\/(fr|en)\/portail-client\/activation\/([A-Za-z0-9_-]+)/;

/** The token of the latest invitation email sent to `email`, read from the email as a client would. */
export async function tokenFromEmail(ctx: TestContext, email: string): Promise<string> {
  const [latest] = await outboxFor(ctx, email);
  const match = ACTIVATION_LINK.exec(latest?.text ?? "");
  expect(match, latest?.text).not.toBeNull();
  return match![2]!;
}

export async function invitationRow(ctx: TestContext, id: number) {
  const [row] = await ctx.database.db
    .select()
    .from(client_invitations)
    .where(eq(client_invitations.id, id));
  return row;
}

export const byToken = (ctx: TestContext, token: string) =>
  ctx.app.inject({
    method: "GET",
    url: `/api/v1/client-invitations/by-token/${encodeURIComponent(token)}`,
  });

export const activate = (ctx: TestContext, token: string, payload: object = {}) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/v1/client-invitations/activate/${encodeURIComponent(token)}`,
    payload: { password: STRONG_PASSWORD, ...payload },
  });

/** Invites and activates through the API: a client exactly as a real one comes to exist. */
export async function inviteAndActivate(
  ctx: TestContext,
  broker: TestUser,
  overrides: Record<string, unknown> = {},
) {
  const invitation = await invite(ctx, broker, overrides);
  const token = await tokenFromEmail(ctx, invitation.email);
  const response = await activate(ctx, token);
  expect(response.statusCode, response.body).toBe(201);
  const session = response.json();
  return {
    invitation,
    token,
    session,
    auth: { authorization: `Bearer ${session.access_token}` },
  };
}
