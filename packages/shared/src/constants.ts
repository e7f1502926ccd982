// `@portail/shared/constants`: the contract's values without zod, for browser code. Importing
// the barrel (`@portail/shared`) from a client component ships zod (~38 KB gzipped) to every
// page, because the schema modules build their schemas when loaded. The lists below are copies
// of those next to the schemas; `satisfies typeof <original>` makes the compiler refuse a copy
// that differs (a value, the order or a number), and constants.test.ts checks them again.
import type * as auth from "./auth.ts";
import type * as documents from "./documents.ts";
import type * as enums from "./enums.ts";
import type { ErrorCode } from "./errors.ts";
import type * as invitations from "./invitations.ts";
import type * as messages from "./messages.ts";
import type * as taches from "./taches.ts";

export type {
  Locale,
  Priorite,
  Role,
  StatutEtape,
  StatutInvitation,
  StatutTransaction,
  TypeDocument,
  TypeProjet,
} from "./enums.ts";
export type { ErrorCode, FieldError } from "./errors.ts";

/** Every error code once: a Record over ErrorCode refuses a missing or an unknown code. */
const ERROR_CODE_SET: Record<ErrorCode, true> = {
  VALIDATION_ERROR: true,
  BAD_REQUEST: true,
  WEAK_PASSWORD: true,
  UNAUTHORIZED: true,
  INVALID_CREDENTIALS: true,
  INVALID_TOKEN: true,
  ACCOUNT_DISABLED: true,
  FORBIDDEN: true,
  ACCESS_DISABLED: true,
  SIGNUP_CLOSED: true,
  NOT_FOUND: true,
  METHOD_NOT_ALLOWED: true,
  CONFLICT: true,
  EMAIL_TAKEN: true,
  ALREADY_USED: true,
  EXPIRED: true,
  PAYLOAD_TOO_LARGE: true,
  UNSUPPORTED_MEDIA_TYPE: true,
  RATE_LIMITED: true,
  INTERNAL_ERROR: true,
  SERVICE_UNAVAILABLE: true,
};
export const ERROR_CODES = Object.keys(ERROR_CODE_SET) as ErrorCode[];
export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === "string" && Object.hasOwn(ERROR_CODE_SET, code);

export const ROLES = ["courtier", "client", "admin"] as const satisfies typeof enums.ROLES;
export const LOCALES = ["fr", "en"] as const satisfies typeof enums.LOCALES;
export const DEFAULT_LOCALE: typeof enums.DEFAULT_LOCALE = "fr";
export const TYPES_PROJET = [
  "achat",
  "vente",
  "location",
] as const satisfies typeof enums.TYPES_PROJET;
export const STATUTS_INVITATION = [
  "invite",
  "actif",
  "inactif",
] as const satisfies typeof enums.STATUTS_INVITATION;
export const STATUTS_TRANSACTION = [
  "recherche",
  "offre",
  "inspection",
  "financement",
  "notaire",
  "complete",
  "annulee",
] as const satisfies typeof enums.STATUTS_TRANSACTION;
export const TYPES_DOCUMENT = [
  "pdf",
  "image",
  "excel",
  "word",
  "autre",
] as const satisfies typeof enums.TYPES_DOCUMENT;
export const PRIORITES = ["haute", "moyenne", "basse"] as const satisfies typeof enums.PRIORITES;
export const STATUTS_ETAPE = [
  "a_planifier",
  "planifie",
  "en_cours",
  "complete",
] as const satisfies typeof enums.STATUTS_ETAPE;

export const ACCESS_FLAGS = [
  "acces_documents",
  "acces_messagerie",
  "acces_taches",
  "acces_calendrier",
  "acces_proprietes",
] as const satisfies typeof invitations.ACCESS_FLAGS;
export const INVITATION_SORTS = [
  "date_invitation",
  "nom",
  "statut",
  "progression",
  "derniere_connexion",
] as const satisfies typeof invitations.INVITATION_SORTS;
export const SUGGESTED_DOCUMENT_CATEGORIES = [
  "offre",
  "inspection",
  "financement",
  "notaire",
  "identite",
  "autre",
] as const satisfies typeof documents.SUGGESTED_DOCUMENT_CATEGORIES;
export const ACCEPTED_DOCUMENT_FORMATS = [
  "PDF",
  "JPEG",
  "PNG",
  "WebP",
  "HEIC",
  "DOCX",
  "XLSX",
  "DOC",
  "XLS",
  "TXT",
  "CSV",
] as const satisfies typeof documents.ACCEPTED_DOCUMENT_FORMATS;

export const PASSWORD_MIN_LENGTH = 10 satisfies typeof auth.PASSWORD_MIN_LENGTH;
export const MESSAGE_PERSONNALISE_MAX = 2000 satisfies typeof invitations.MESSAGE_PERSONNALISE_MAX;
export const MESSAGE_MAX_LENGTH = 5000 satisfies typeof messages.MESSAGE_MAX_LENGTH;
export const DOCUMENT_CATEGORIE_MAX_LENGTH =
  50 satisfies typeof documents.DOCUMENT_CATEGORIE_MAX_LENGTH;
export const TACHE_TITRE_MAX_LENGTH = 200 satisfies typeof taches.TACHE_TITRE_MAX_LENGTH;
export const TACHE_DESCRIPTION_MAX_LENGTH =
  5000 satisfies typeof taches.TACHE_DESCRIPTION_MAX_LENGTH;
export const TACHE_CATEGORIE_MAX_LENGTH = 100 satisfies typeof taches.TACHE_CATEGORIE_MAX_LENGTH;
