import type { Transaction } from "@portail/shared";
import {
  type AccessFlags,
  hasAccess,
  isOwnerBroker,
  isTransactionClient,
} from "../../lib/policy.ts";
import type { Actor } from "../../types.ts";

// Who may do what with a transaction. Queries are already scoped to the actor, so these only
// decide between the parties of a transaction the actor can see.

interface TransactionParties {
  courtier_id: number;
  client_invitation_id: number;
}

/** Its broker and its client see a transaction, its progression and its étapes. */
export const canViewTransaction = (actor: Actor, transaction: TransactionParties) =>
  isOwnerBroker(actor, transaction) || isTransactionClient(actor, transaction);

/** Only its broker edits it (details, progression, cancellation). */
export const canManageTransaction = (actor: Actor, transaction: TransactionParties) =>
  isOwnerBroker(actor, transaction);

/** Which parts of the client dashboard the broker's access flags let this actor see. */
export function dashboardParts(actor: Actor, flags: AccessFlags) {
  return {
    documents: hasAccess(actor, flags, "acces_documents"),
    messages: hasAccess(actor, flags, "acces_messagerie"),
    taches: hasAccess(actor, flags, "acces_taches"),
  };
}
export type DashboardParts = ReturnType<typeof dashboardParts>;

/**
 * acces_proprietes off: the client does not see the property (address, city, prices) of their
 * transaction. The broker always does.
 */
export function withPropertyAccess<T extends Partial<Pick<Transaction, PropertyField>>>(
  actor: Actor,
  flags: AccessFlags,
  transaction: T,
): T {
  if (hasAccess(actor, flags, "acces_proprietes")) return transaction;
  const hidden = { ...transaction };
  for (const field of PROPERTY_FIELDS)
    if (field in hidden) (hidden as Record<string, null>)[field] = null;
  return hidden;
}
const PROPERTY_FIELDS = ["adresse", "ville", "prix_offert", "prix_accepte"] as const;
type PropertyField = (typeof PROPERTY_FIELDS)[number];
