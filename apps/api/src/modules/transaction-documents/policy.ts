import { notFound } from "../../lib/errors.ts";
import {
  type AccessFlags,
  accessDisabled,
  authorize,
  hasAccess,
  isOwnerBroker,
  isTransactionClient,
} from "../../lib/policy.ts";
import type { Actor } from "../../types.ts";

/** What the document policies look at: the document's transaction and its client's flags. */
export interface DocumentScope {
  courtier_id: number;
  client_invitation_id: number;
  flags: AccessFlags;
}

const isParty = (actor: Actor, scope: DocumentScope) =>
  isOwnerBroker(actor, scope) || isTransactionClient(actor, scope);

/** Both parties read a transaction's documents; its client only with acces_documents. */
export const canReadDocuments = (actor: Actor, scope: DocumentScope) =>
  isParty(actor, scope) && hasAccess(actor, scope.flags, "acces_documents");

/** Only the transaction's broker shares and deletes documents. */
export const canManageDocuments = (actor: Actor, scope: DocumentScope) =>
  isOwnerBroker(actor, scope);

/**
 * Scoped queries already hide other tenants' objects; these re-check the same rule (404 if not
 * a party), then the access flag (403 ACCESS_DISABLED).
 */
export function authorizeReadDocuments(actor: Actor, scope: DocumentScope) {
  authorize(isParty(actor, scope), notFound("Document"));
  authorize(canReadDocuments(actor, scope), accessDisabled("acces_documents"));
}

export function authorizeManageDocuments(actor: Actor, scope: DocumentScope) {
  authorize(canManageDocuments(actor, scope), notFound("Transaction"));
}
