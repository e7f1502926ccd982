// `@portail/shared/progression`: the statut a progression stands for, without zod, for browser
// code (the transaction card); the barrel re-exports it from enums.ts.
import type { StatutTransaction } from "./enums.ts";

/** Progression bands of SPEC.md §3; `annulee` is never derived, only set explicitly. */
export function statutFromProgression(progression: number): Exclude<StatutTransaction, "annulee"> {
  if (progression >= 100) return "complete";
  if (progression >= 80) return "notaire";
  if (progression >= 60) return "financement";
  if (progression >= 40) return "inspection";
  if (progression >= 20) return "offre";
  return "recherche";
}
