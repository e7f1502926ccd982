// `@portail/shared/constants`: the contract's values without zod, for browser code. Importing
// the barrel (`@portail/shared`) from a client component ships zod (~38 KB gzipped) to every
// page, because the schema modules build their schemas when loaded. This module is where these
// values live; the schema modules build their schemas from them and re-export them.

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
export type { FieldError } from "./errors.ts";

/**
 * The closed set of error codes the API answers with, and their HTTP status. The web app
 * translates codes; the `message` of an error body is for developers.
 */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  BAD_REQUEST: 400,
  WEAK_PASSWORD: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  ACCOUNT_DISABLED: 401,
  FORBIDDEN: 403,
  ACCESS_DISABLED: 403,
  SIGNUP_CLOSED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ALREADY_USED: 409,
  EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];
export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === "string" && Object.hasOwn(ERROR_STATUS, code);

/** The one place where an error code becomes an HTTP status. */
export function httpStatusFor(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

// Every enumeration of SPEC.md §3, mirrored by CHECK constraints in the database.
export const ROLES = ["courtier", "client", "admin"] as const;
export const LOCALES = ["fr", "en"] as const;
export const DEFAULT_LOCALE: (typeof LOCALES)[number] = "fr";
export const TYPES_PROJET = ["achat", "vente", "location"] as const;
export const STATUTS_INVITATION = ["invite", "actif", "inactif"] as const;
export const STATUTS_TRANSACTION = [
  "recherche",
  "offre",
  "inspection",
  "financement",
  "notaire",
  "complete",
  "annulee",
] as const;
export const TYPES_DOCUMENT = ["pdf", "image", "excel", "word", "autre"] as const;
export const PRIORITES = ["haute", "moyenne", "basse"] as const;
export const STATUTS_ETAPE = ["a_planifier", "planifie", "en_cours", "complete"] as const;

/** The five modules a broker opens or closes for one client. */
export const ACCESS_FLAGS = [
  "acces_documents",
  "acces_messagerie",
  "acces_taches",
  "acces_calendrier",
  "acces_proprietes",
] as const;
export const INVITATION_SORTS = [
  "date_invitation",
  "nom",
  "statut",
  "progression",
  "derniere_connexion",
] as const;

/**
 * Categories the web app suggests; `categorie` stays free text (1-50 characters), so a broker
 * may use their own. Labels (fr/en) belong to the web app's messages.
 */
export const SUGGESTED_DOCUMENT_CATEGORIES = [
  "offre",
  "inspection",
  "financement",
  "notaire",
  "identite",
  "autre",
] as const;
/** File types accepted on upload, as detected from the file's bytes (never the client's claim). */
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
] as const;

export const PASSWORD_MIN_LENGTH = 10;
export const MESSAGE_PERSONNALISE_MAX = 2000;
export const MESSAGE_MAX_LENGTH = 5000;
export const DOCUMENT_CATEGORIE_MAX_LENGTH = 50;
export const TACHE_TITRE_MAX_LENGTH = 200;
export const TACHE_DESCRIPTION_MAX_LENGTH = 5000;
export const TACHE_CATEGORIE_MAX_LENGTH = 100;
