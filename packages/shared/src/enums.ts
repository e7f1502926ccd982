import { z } from "zod";

// Every enumeration of SPEC.md §3, mirrored by CHECK constraints in the database.

export const ROLES = ["courtier", "client", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const LOCALES = ["fr", "en"] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;
export const DEFAULT_LOCALE: Locale = "fr";

export const TYPES_PROJET = ["achat", "vente", "location"] as const;
export const typeProjetSchema = z.enum(TYPES_PROJET);
export type TypeProjet = z.infer<typeof typeProjetSchema>;

export const STATUTS_INVITATION = ["invite", "actif", "inactif"] as const;
export const statutInvitationSchema = z.enum(STATUTS_INVITATION);
export type StatutInvitation = z.infer<typeof statutInvitationSchema>;

export const STATUTS_TRANSACTION = [
  "recherche",
  "offre",
  "inspection",
  "financement",
  "notaire",
  "complete",
  "annulee",
] as const;
export const statutTransactionSchema = z.enum(STATUTS_TRANSACTION);
export type StatutTransaction = z.infer<typeof statutTransactionSchema>;

export const TYPES_DOCUMENT = ["pdf", "image", "excel", "word", "autre"] as const;
export const typeDocumentSchema = z.enum(TYPES_DOCUMENT);
export type TypeDocument = z.infer<typeof typeDocumentSchema>;

export const PRIORITES = ["haute", "moyenne", "basse"] as const;
export const prioriteSchema = z.enum(PRIORITES);
export type Priorite = z.infer<typeof prioriteSchema>;

export const STATUTS_ETAPE = ["a_planifier", "planifie", "en_cours", "complete"] as const;
export const statutEtapeSchema = z.enum(STATUTS_ETAPE);
export type StatutEtape = z.infer<typeof statutEtapeSchema>;

/** Progression bands of SPEC.md §3; `annulee` is never derived, only set explicitly. */
export function statutFromProgression(progression: number): Exclude<StatutTransaction, "annulee"> {
  if (progression >= 100) return "complete";
  if (progression >= 80) return "notaire";
  if (progression >= 60) return "financement";
  if (progression >= 40) return "inspection";
  if (progression >= 20) return "offre";
  return "recherche";
}
