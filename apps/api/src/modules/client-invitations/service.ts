import {
  ACCESS_FLAGS,
  type Invitation,
  type InvitationCreateBody,
  type InvitationUpdateBody,
  webPaths,
} from "@portail/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { client_invitations, portail_transactions, users } from "../../db/schema.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { todayInQuebec } from "../../lib/quebec-time.ts";
import { searchText } from "../../lib/search.ts";
import { hashToken, newOpaqueToken } from "../../lib/tokens.ts";
import type { Mailer } from "../../plugins/mailer.ts";
import type { Actor } from "../../types.ts";
import { revokeAllSessions } from "../auth/repository.ts";
import {
  authorizeContactEdit,
  authorizeManage,
  authorizeResend,
  authorizeStatutChange,
} from "./policy.ts";
import { retypeFirstTransaction, seedEtapes } from "./prepared-transaction.ts";
import { findInvitation, type InvitationRow } from "./repository.ts";

export interface InvitationDeps {
  db: Db;
  config: Config;
  mailer: Pick<Mailer, "enqueue">;
  actor: Actor;
}

// One message for « already invited » and « already has an account », and never by whom: the
// answer must not tell a broker anything about another broker's clients.
const emailTaken = () =>
  new AppError("EMAIL_TAKEN", "This email already has an invitation or an account", {
    fields: [{ field: "email", code: "taken", message: "This email cannot be invited" }],
  });

export const isUniqueViolation = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  ((error as { code?: string }).code === "23505" ||
    (error as { cause?: { code?: string } }).cause?.code === "23505");

const expiresAt = (config: Config) => sql`now() + ${`${config.invitationTtlDays} days`}::interval`;

/** The broker's phone (not on the actor) and whether `email` is free, in one round trip. */
async function brokerAndEmailCheck(db: Db, actor: Actor, email: string, exceptInvitation = 0) {
  const [row] = await db
    .select({
      telephone: users.telephone,
      taken: sql<boolean>`(
        exists (select 1 from ${users} u where lower(u.email) = ${email})
        or exists (select 1 from ${client_invitations} ci
                    where lower(ci.email) = ${email} and ci.id <> ${exceptInvitation}))`,
    })
    .from(users)
    .where(eq(users.id, actor.id));
  return { telephone: row?.telephone ?? null, taken: row?.taken ?? false };
}

async function queueInvitationEmail(
  deps: InvitationDeps,
  db: Db,
  invitation: Pick<InvitationRow, "prenom" | "nom" | "email" | "locale" | "message_personnalise">,
  brokerTelephone: string | null,
  token: string,
) {
  const { actor, config } = deps;
  await deps.mailer.enqueue(db, {
    template: "invitation",
    locale: invitation.locale,
    to: invitation.email,
    data: {
      client_first_name: invitation.prenom,
      client_last_name: invitation.nom,
      broker_first_name: actor.first_name,
      broker_last_name: actor.last_name,
      broker_email: actor.email,
      broker_telephone: brokerTelephone,
      message: invitation.message_personnalise,
      link: `${config.frontendUrl}${webPaths.activation(invitation.locale, token)}`,
      ttl_days: config.invitationTtlDays,
    },
  });
}

async function loadOwn(db: Db, actor: Actor, id: number): Promise<Invitation> {
  const invitation = await findInvitation(db, actor, id);
  if (!invitation) throw notFound("Invitation");
  return invitation;
}

export const getInvitation = (deps: Pick<InvitationDeps, "db" | "actor">, id: number) =>
  loadOwn(deps.db, deps.actor, id);

/**
 * Invites a client: the invitation, its first transaction with the default étapes of its
 * type, and the email, all committed together or not at all.
 */
export async function createInvitation(
  deps: InvitationDeps,
  input: InvitationCreateBody,
): Promise<Invitation> {
  const { actor, config } = deps;
  const locale = input.locale ?? actor.locale;
  const email = input.email.trim().toLowerCase();
  const token = newOpaqueToken();
  const id = await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const broker = await brokerAndEmailCheck(db, actor, email);
    if (broker.taken) throw emailTaken();
    let invitation: InvitationRow;
    try {
      const [row] = await db
        .insert(client_invitations)
        .values({
          courtier_id: actor.id,
          prenom: input.prenom,
          nom: input.nom,
          email,
          telephone: input.telephone || null,
          type_projet: input.type_projet,
          locale,
          token_hash: hashToken(token),
          token_expires_at: expiresAt(config),
          message_personnalise: input.message_personnalise || null,
          acces_documents: input.acces_documents ?? true,
          acces_messagerie: input.acces_messagerie ?? true,
          acces_taches: input.acces_taches ?? true,
          acces_calendrier: input.acces_calendrier ?? true,
          acces_proprietes: input.acces_proprietes ?? true,
          recherche: searchText(input.prenom, input.nom, email),
        })
        .returning();
      invitation = row!;
    } catch (error) {
      // Two brokers inviting the same address at the same instant: the unique index decides.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    const [transaction] = await db
      .insert(portail_transactions)
      .values({
        client_invitation_id: invitation.id,
        courtier_id: actor.id,
        type: input.type_projet,
        statut: "recherche",
        progression: 0,
        date_debut: todayInQuebec(),
      })
      .returning({ id: portail_transactions.id });
    await seedEtapes(db, transaction!.id, input.type_projet, locale);
    await queueInvitationEmail(deps, db, invitation, broker.telephone, token);
    return invitation.id;
  });
  return loadOwn(deps.db, actor, id);
}

const CONTACT_FIELDS = [
  "prenom",
  "nom",
  "email",
  "telephone",
  "type_projet",
  "message_personnalise",
] as const;

/** Empty optional text means « none », as the column stores it. */
const blankToNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null || value === "" ? null : value;

/**
 * Applies a broker's edit. A field sent with its current value is not a change, so a form may
 * post everything it shows; a real change the invitation's state forbids is a 409.
 */
export async function updateInvitation(
  deps: InvitationDeps,
  id: number,
  input: InvitationUpdateBody,
): Promise<Invitation> {
  const { actor, config } = deps;
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [current] = await db
      .select()
      .from(client_invitations)
      .where(and(eq(client_invitations.id, id), eq(client_invitations.courtier_id, actor.id)))
      .for("update");
    if (!current) throw notFound("Invitation");
    authorizeManage(actor, current);

    const wanted = {
      ...input,
      telephone: blankToNull(input.telephone),
      message_personnalise: blankToNull(input.message_personnalise),
    };
    const changes: Partial<typeof client_invitations.$inferInsert> = {};
    for (const field of CONTACT_FIELDS) {
      const value = wanted[field];
      if (value !== undefined && value !== current[field]) {
        (changes as Record<string, unknown>)[field] = value;
      }
    }
    if (Object.keys(changes).length > 0) authorizeContactEdit(current);
    const statutChange = input.statut !== undefined && input.statut !== current.statut;
    if (statutChange) {
      authorizeStatutChange(current);
      changes.statut = input.statut;
    }
    for (const field of ACCESS_FLAGS) {
      if (input[field] !== undefined && input[field] !== current[field]) {
        changes[field] = input[field];
      }
    }
    if (Object.keys(changes).length === 0) return;

    const next = { ...current, ...changes } as InvitationRow;
    let token: string | undefined;
    let brokerTelephone: string | null = null;
    if (changes.email !== undefined) {
      const broker = await brokerAndEmailCheck(db, actor, next.email, current.id);
      if (broker.taken) throw emailTaken();
      brokerTelephone = broker.telephone;
      // The link went to the old address, maybe a stranger's: it dies, the new address gets one.
      token = newOpaqueToken();
      changes.token_hash = hashToken(token);
    }
    if (changes.prenom !== undefined || changes.nom !== undefined || changes.email !== undefined) {
      changes.recherche = searchText(next.prenom, next.nom, next.email);
    }
    try {
      await db
        .update(client_invitations)
        .set({
          ...changes,
          ...(token ? { token_expires_at: expiresAt(config) } : {}),
          updated_at: sql`now()`,
        })
        .where(eq(client_invitations.id, current.id));
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }

    if (changes.statut === "inactif") await cutOffClient(db, current.id);
    if (changes.type_projet !== undefined) {
      await retypeFirstTransaction(db, current, changes.type_projet);
    }
    if (token) await queueInvitationEmail(deps, db, next, brokerTelephone, token);
  });
  return loadOwn(deps.db, actor, id);
}

/** Signs the client out everywhere: with the invitation `inactif`, they cannot sign back in. */
async function cutOffClient(db: Db, invitationId: number) {
  const [client] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.client_invitation_id, invitationId));
  if (client) await revokeAllSessions(db, client.id, "invitation_inactive");
}

/** A fresh link for a client who lost or let the first one expire; the old link dies. */
export async function resendInvitation(deps: InvitationDeps, id: number): Promise<Invitation> {
  const { actor, config } = deps;
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [current] = await db
      .select()
      .from(client_invitations)
      .where(and(eq(client_invitations.id, id), eq(client_invitations.courtier_id, actor.id)))
      .for("update");
    if (!current) throw notFound("Invitation");
    authorizeManage(actor, current);
    authorizeResend(current);
    const token = newOpaqueToken();
    await db
      .update(client_invitations)
      .set({
        token_hash: hashToken(token),
        token_expires_at: expiresAt(config),
        updated_at: sql`now()`,
      })
      .where(eq(client_invitations.id, current.id));
    const [broker] = await db
      .select({ telephone: users.telephone })
      .from(users)
      .where(eq(users.id, actor.id));
    await queueInvitationEmail(deps, db, current, broker?.telephone ?? null, token);
  });
  return loadOwn(deps.db, actor, id);
}
