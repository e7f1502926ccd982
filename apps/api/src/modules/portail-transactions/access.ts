import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { client_invitations, portail_transactions, users } from "../../db/schema.ts";
import { notFound } from "../../lib/errors.ts";
import type { AccessFlags } from "../../lib/policy.ts";
import type { Actor } from "../../types.ts";

/** A transaction as seen by someone allowed to see it, with what policies need to decide. */
export interface TransactionAccess {
  id: number;
  courtier_id: number;
  client_invitation_id: number;
  type: (typeof portail_transactions.$inferSelect)["type"];
  statut: (typeof portail_transactions.$inferSelect)["statut"];
  flags: AccessFlags;
  /** The client's user id once the invitation is activated (the other party for a broker). */
  client_user_id: number | null;
}

/** The invitation's access flags, selected as one nested `flags` object. */
export const accessFlagColumns = {
  acces_documents: client_invitations.acces_documents,
  acces_messagerie: client_invitations.acces_messagerie,
  acces_taches: client_invitations.acces_taches,
  acces_calendrier: client_invitations.acces_calendrier,
  acces_proprietes: client_invitations.acces_proprietes,
};

/** The scoping condition: a broker's own transactions, or the client's own invitation's. */
export function transactionScope(actor: Actor): SQL | undefined {
  if (actor.role === "courtier") return eq(portail_transactions.courtier_id, actor.id);
  if (actor.role === "client" && actor.client_invitation_id !== null) {
    return eq(portail_transactions.client_invitation_id, actor.client_invitation_id);
  }
  return undefined;
}

/**
 * Loads a transaction only if the actor is its broker or its client, in one query. Anyone else
 * gets null, which callers turn into 404: another tenant's object is indistinguishable from a
 * missing one.
 */
export async function findTransactionForActor(
  db: Db,
  actor: Actor,
  transactionId: number,
): Promise<TransactionAccess | null> {
  const scope = transactionScope(actor);
  if (!scope) return null;
  const [row] = await db
    .select({
      id: portail_transactions.id,
      courtier_id: portail_transactions.courtier_id,
      client_invitation_id: portail_transactions.client_invitation_id,
      type: portail_transactions.type,
      statut: portail_transactions.statut,
      flags: accessFlagColumns,
      client_user_id: users.id,
    })
    .from(portail_transactions)
    .innerJoin(
      client_invitations,
      eq(client_invitations.id, portail_transactions.client_invitation_id),
    )
    .leftJoin(users, eq(users.client_invitation_id, client_invitations.id))
    .where(and(eq(portail_transactions.id, transactionId), scope))
    .limit(1);
  return row ?? null;
}

export async function requireTransactionForActor(db: Db, actor: Actor, transactionId: number) {
  const transaction = await findTransactionForActor(db, actor, transactionId);
  if (!transaction) throw notFound("Transaction");
  return transaction;
}
