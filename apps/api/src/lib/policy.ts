import type { Actor } from "../types.ts";
import { AppError } from "./errors.ts";

// Small, pure building blocks for the per-entity policy modules (src/modules/*/policy.ts).

export type AccessFlag =
  | "acces_documents"
  | "acces_messagerie"
  | "acces_taches"
  | "acces_calendrier"
  | "acces_proprietes";

export type AccessFlags = Record<AccessFlag, boolean>;

export const isBroker = (actor: Actor) => actor.role === "courtier";
export const isClient = (actor: Actor) => actor.role === "client";

export const isOwnerBroker = (actor: Actor, resource: { courtier_id: number }) =>
  actor.role === "courtier" && resource.courtier_id === actor.id;

export const isTransactionClient = (actor: Actor, resource: { client_invitation_id: number }) =>
  actor.role === "client" &&
  actor.client_invitation_id !== null &&
  resource.client_invitation_id === actor.client_invitation_id;

/** Anything that belongs to a transaction, as loaded for a policy decision. */
export interface TransactionResource {
  courtier_id: number;
  client_invitation_id: number;
  flags: AccessFlags;
}

/** The transaction's broker or its client: the only two parties to anything in it. */
export const isTransactionParty = (
  actor: Actor,
  resource: { courtier_id: number; client_invitation_id: number },
) => isOwnerBroker(actor, resource) || isTransactionClient(actor, resource);

/** Brokers see every module; a client only those the broker left enabled. */
export const hasAccess = (actor: Actor, flags: AccessFlags, flag: AccessFlag) =>
  actor.role !== "client" || flags[flag];

/**
 * Throws unless allowed. Callers load resources with queries already scoped to the actor
 * (another tenant's object is then simply not found → 404), so a refusal here is a 403:
 * the caller can see the object but not do this with it.
 */
export function authorize(
  allowed: boolean,
  error: AppError = new AppError("FORBIDDEN", "Not allowed"),
): asserts allowed {
  if (!allowed) throw error;
}

export const accessDisabled = (flag: AccessFlag) =>
  new AppError("ACCESS_DISABLED", `Your broker has not enabled this module (${flag})`);
