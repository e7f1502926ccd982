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

// Who may do what with a transaction's tasks. Resources arrive already loaded by a query scoped
// to the actor; these checks decide between serving, 403 and 404.

type TacheResource = TransactionResource;

/** Reading and ticking tasks off: both parties, a client only while acces_taches is on. */
export const canFollowTaches = (actor: Actor, resource: TacheResource) =>
  isTransactionParty(actor, resource) && hasAccess(actor, resource.flags, "acces_taches");

/** Creating, editing and deleting: the transaction's broker only. */
export const canManageTaches = (actor: Actor, resource: TacheResource) =>
  isOwnerBroker(actor, resource);

export function authorizeFollow(actor: Actor, resource: TacheResource, what = "Tache") {
  authorize(isTransactionParty(actor, resource), notFound(what));
  authorize(canFollowTaches(actor, resource), accessDisabled("acces_taches"));
}

export function authorizeManage(actor: Actor, resource: TacheResource, what = "Tache") {
  // Routes already refuse other roles (403); a broker who is no party sees nothing (404).
  authorize(canManageTaches(actor, resource), notFound(what));
}
