import { forbidden, notFound } from "../../lib/errors.ts";
import {
  accessDisabled,
  authorize,
  hasAccess,
  isTransactionParty,
  type TransactionResource,
} from "../../lib/policy.ts";
import type { Actor } from "../../types.ts";

// Who may do what with a transaction's message thread. Resources arrive already loaded by a
// query scoped to the actor; these checks decide between serving, 403 and 404.

type ThreadResource = TransactionResource;

interface MessageResource extends ThreadResource {
  expediteur_id: number;
}

/** The transaction's broker or its client: the only two people in a thread. */

/** Reading and writing: both parties, a client only while the broker leaves messaging on. */
export const canUseThread = (actor: Actor, thread: ThreadResource) =>
  isTransactionParty(actor, thread) && hasAccess(actor, thread.flags, "acces_messagerie");

/** A message is read by its recipient: the party that did not send it. */
export const isRecipient = (actor: Actor, message: MessageResource) =>
  isTransactionParty(actor, message) && message.expediteur_id !== actor.id;

export function authorizeThread(actor: Actor, thread: ThreadResource) {
  authorize(isTransactionParty(actor, thread), notFound("Transaction"));
  authorize(canUseThread(actor, thread), accessDisabled("acces_messagerie"));
}

export function authorizeMarkRead(actor: Actor, message: MessageResource) {
  authorize(isTransactionParty(actor, message), notFound("Message"));
  authorize(canUseThread(actor, message), accessDisabled("acces_messagerie"));
  authorize(isRecipient(actor, message), forbidden("Only the recipient can mark a message read"));
}
