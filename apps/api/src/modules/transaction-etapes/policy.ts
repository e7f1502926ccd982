import { type AccessFlags, hasAccess } from "../../lib/policy.ts";
import type { Actor } from "../../types.ts";
import { canManageTransaction, canViewTransaction } from "../portail-transactions/policy.ts";

interface EtapeTransaction {
  courtier_id: number;
  client_invitation_id: number;
}

/** Étapes are the transaction's timeline: both parties see them (their dates: see below). */
export const canViewEtapes = (actor: Actor, transaction: EtapeTransaction) =>
  canViewTransaction(actor, transaction);

/** Only the transaction's broker plans, edits, reorders or removes étapes. */
export const canManageEtapes = (actor: Actor, transaction: EtapeTransaction) =>
  canManageTransaction(actor, transaction);

/**
 * acces_calendrier off: the client sees the étapes but not when they are planned (date and
 * time of the inspection, the notary…). The broker always does.
 */
export function withCalendarAccess<
  T extends { date_planifiee: string | null; heure_planifiee: string | null },
>(actor: Actor, flags: AccessFlags, etape: T): T {
  if (hasAccess(actor, flags, "acces_calendrier")) return etape;
  return { ...etape, date_planifiee: null, heure_planifiee: null };
}
