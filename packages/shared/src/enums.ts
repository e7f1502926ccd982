import { z } from "zod";
import {
  LOCALES,
  PRIORITES,
  ROLES,
  STATUTS_ETAPE,
  STATUTS_INVITATION,
  STATUTS_TRANSACTION,
  TYPES_DOCUMENT,
  TYPES_PROJET,
} from "./constants.ts";

// Every enumeration of SPEC.md §3 (values in constants.ts), mirrored by CHECK constraints in
// the database.
export {
  DEFAULT_LOCALE,
  LOCALES,
  PRIORITES,
  ROLES,
  STATUTS_ETAPE,
  STATUTS_INVITATION,
  STATUTS_TRANSACTION,
  TYPES_DOCUMENT,
  TYPES_PROJET,
} from "./constants.ts";

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const typeProjetSchema = z.enum(TYPES_PROJET);
export type TypeProjet = z.infer<typeof typeProjetSchema>;

export const statutInvitationSchema = z.enum(STATUTS_INVITATION);
export type StatutInvitation = z.infer<typeof statutInvitationSchema>;

export const statutTransactionSchema = z.enum(STATUTS_TRANSACTION);
export type StatutTransaction = z.infer<typeof statutTransactionSchema>;

export const typeDocumentSchema = z.enum(TYPES_DOCUMENT);
export type TypeDocument = z.infer<typeof typeDocumentSchema>;

export const prioriteSchema = z.enum(PRIORITES);
export type Priorite = z.infer<typeof prioriteSchema>;

export const statutEtapeSchema = z.enum(STATUTS_ETAPE);
export type StatutEtape = z.infer<typeof statutEtapeSchema>;

// Progression bands of SPEC.md §3, zod-free for browser code.
export { statutFromProgression } from "./progression.ts";
