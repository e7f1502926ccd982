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
