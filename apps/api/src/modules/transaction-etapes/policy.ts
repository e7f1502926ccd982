import type { Actor } from "../../types.ts";
import { canManageTransaction, canViewTransaction } from "../portail-transactions/policy.ts";

interface EtapeTransaction {
  courtier_id: number;
  client_invitation_id: number;
}

/** Étapes are the transaction's timeline: both parties see them, no access flag gates them. */
export const canViewEtapes = (actor: Actor, transaction: EtapeTransaction) =>
  canViewTransaction(actor, transaction);

/** Only the transaction's broker plans, edits, reorders or removes étapes. */
export const canManageEtapes = (actor: Actor, transaction: EtapeTransaction) =>
  canManageTransaction(actor, transaction);
