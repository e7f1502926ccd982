import { notFound } from "../../lib/errors.ts";
import {
  accessDisabled,
  authorize,
  hasAccess,
  isOwnerBroker,
  isTransactionParty,
  type TransactionResource,
} from "../../lib/policy.ts";
import type { Actor } from "../../types.ts";

export type DocumentScope = TransactionResource;

/** Both parties read a transaction's documents; its client only with acces_documents. */
export const canReadDocuments = (actor: Actor, scope: DocumentScope) =>
  isTransactionParty(actor, scope) && hasAccess(actor, scope.flags, "acces_documents");

/** Only the transaction's broker shares and deletes documents. */
export const canManageDocuments = (actor: Actor, scope: DocumentScope) =>
  isOwnerBroker(actor, scope);

/**
 * Scoped queries already hide other tenants' objects; these re-check the same rule (404 if not
 * a party), then the access flag (403 ACCESS_DISABLED).
 */
export function authorizeReadDocuments(actor: Actor, scope: DocumentScope) {
  authorize(isTransactionParty(actor, scope), notFound("Document"));
  authorize(canReadDocuments(actor, scope), accessDisabled("acces_documents"));
}

export function authorizeManageDocuments(actor: Actor, scope: DocumentScope) {
  authorize(canManageDocuments(actor, scope), notFound("Transaction"));
}
