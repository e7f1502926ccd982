import {
  PRIORITES,
  ROLES,
  STATUTS_ETAPE,
  STATUTS_INVITATION,
  STATUTS_TRANSACTION,
  TYPES_DOCUMENT,
  TYPES_PROJET,
} from "@portail/shared";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// Column names are the plan's snake_case names, used as-is as property names so the
// database, the API contract and the code all say the same word.

const timestamps = {
  created_at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updated_at: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

const inList = (values: readonly string[]) =>
  sql.raw(`(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")})`);

export const users = pgTable(
  "users",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // Stored trimmed and lower-cased; the unique index on lower(email) guards the rule.
    email: text().notNull(),
    password_hash: text().notNull(),
    first_name: text().notNull(),
    last_name: text().notNull(),
    telephone: text(),
    role: text({ enum: ROLES }).notNull(),
    locale: text({ enum: ["fr", "en"] })
      .notNull()
      .default("fr"),
    is_active: boolean().notNull().default(true),
    last_login_at: timestamp({ withTimezone: true }),
    // A client account exists only through the invitation it was activated from.
    client_invitation_id: integer()
      .unique()
      .references((): AnyPgColumn => client_invitations.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    check("users_role_check", sql`${t.role} in ${inList(ROLES)}`),
    check("users_locale_check", sql`${t.locale} in ('fr', 'en')`),
  ],
);

/** One row per signed-in device; revoking it ends every token of that sign-in. */
export const auth_sessions = pgTable(
  "auth_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    user_id: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires_at: timestamp({ withTimezone: true }).notNull(),
    revoked_at: timestamp({ withTimezone: true }),
    revoked_reason: text(),
    ip: text(),
    user_agent: text(),
    created_at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("auth_sessions_user_id_idx").on(t.user_id)],
);

/** Rotating refresh tokens: each use replaces the token; a second use of one revokes the session. */
export const refresh_tokens = pgTable(
  "refresh_tokens",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    session_id: uuid()
      .notNull()
      .references(() => auth_sessions.id, { onDelete: "cascade" }),
    token_hash: text().notNull().unique(),
    expires_at: timestamp({ withTimezone: true }).notNull(),
    used_at: timestamp({ withTimezone: true }),
    created_at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("refresh_tokens_session_id_idx").on(t.session_id)],
);

export const password_reset_tokens = pgTable(
  "password_reset_tokens",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    user_id: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    token_hash: text().notNull().unique(),
    expires_at: timestamp({ withTimezone: true }).notNull(),
    used_at: timestamp({ withTimezone: true }),
    created_at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_tokens_user_id_idx").on(t.user_id)],
);

export const EMAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;

/** Durable outbox: an email is a row first, so an SMTP outage loses nothing. */
export const email_outbox = pgTable(
  "email_outbox",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    template: text().notNull(),
    locale: text().notNull(),
    to_address: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    status: text({ enum: EMAIL_STATUSES }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    next_attempt_at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // A claimed row is invisible to other workers until this passes (crash recovery).
    locked_until: timestamp({ withTimezone: true }),
    last_error: text(),
    message_id: text(),
    sent_at: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("email_outbox_due_idx").on(t.status, t.next_attempt_at),
    check("email_outbox_status_check", sql`${t.status} in ${inList(EMAIL_STATUSES)}`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Portail client (plan phase 1). Brokers are deactivated, never deleted, so the broker foreign
// keys RESTRICT; everything that belongs to a transaction goes with it (CASCADE).

export const client_invitations = pgTable(
  "client_invitations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    courtier_id: integer()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    prenom: text().notNull(),
    nom: text().notNull(),
    email: text().notNull(),
    telephone: text(),
    type_projet: text({ enum: TYPES_PROJET }).notNull(),
    statut: text({ enum: STATUTS_INVITATION }).notNull().default("invite"),
    // Language of the invitation email and of the seeded étapes.
    locale: text({ enum: ["fr", "en"] })
      .notNull()
      .default("fr"),
    // SHA-256 of the emailed token. Kept after activation so a reused link answers « already
    // used » (409) instead of « unknown »; statut decides whether it still works.
    token_hash: text().unique(),
    token_expires_at: timestamp({ withTimezone: true }),
    date_invitation: timestamp({ withTimezone: true }).notNull().defaultNow(),
    date_activation: timestamp({ withTimezone: true }),
    derniere_connexion: timestamp({ withTimezone: true }),
    message_personnalise: text(),
    acces_documents: boolean().notNull().default(true),
    acces_messagerie: boolean().notNull().default(true),
    acces_taches: boolean().notNull().default(true),
    acces_calendrier: boolean().notNull().default(true),
    acces_proprietes: boolean().notNull().default(true),
    // prenom, nom and email lower-cased without accents, so « cote » finds « Côté » on both
    // PostgreSQL and PGlite without the unaccent extension.
    recherche: text().notNull().default(""),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("client_invitations_email_lower_key").on(sql`lower(${t.email})`),
    index("client_invitations_courtier_id_idx").on(t.courtier_id, t.date_invitation.desc()),
    index("client_invitations_courtier_statut_idx").on(t.courtier_id, t.statut),
    index("client_invitations_statut_idx").on(t.statut),
    check("client_invitations_type_projet_check", sql`${t.type_projet} in ${inList(TYPES_PROJET)}`),
    check("client_invitations_statut_check", sql`${t.statut} in ${inList(STATUTS_INVITATION)}`),
    check("client_invitations_locale_check", sql`${t.locale} in ('fr', 'en')`),
  ],
);

export const portail_transactions = pgTable(
  "portail_transactions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    client_invitation_id: integer()
      .notNull()
      .references(() => client_invitations.id, { onDelete: "cascade" }),
    courtier_id: integer()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    type: text({ enum: TYPES_PROJET }).notNull(),
    statut: text({ enum: STATUTS_TRANSACTION }).notNull().default("recherche"),
    progression: integer().notNull().default(0),
    date_debut: date({ mode: "string" }),
    date_fin: date({ mode: "string" }),
    adresse: text(),
    ville: text(),
    prix_offert: numeric({ precision: 12, scale: 2 }),
    prix_accepte: numeric({ precision: 12, scale: 2 }),
    ...timestamps,
  },
  (t) => [
    index("portail_transactions_invitation_idx").on(t.client_invitation_id, t.created_at.desc()),
    index("portail_transactions_courtier_idx").on(t.courtier_id, t.statut),
    check("portail_transactions_type_check", sql`${t.type} in ${inList(TYPES_PROJET)}`),
    check("portail_transactions_statut_check", sql`${t.statut} in ${inList(STATUTS_TRANSACTION)}`),
    check("portail_transactions_progression_check", sql`${t.progression} between 0 and 100`),
    check(
      "portail_transactions_prix_check",
      sql`coalesce(${t.prix_offert}, 0) >= 0 and coalesce(${t.prix_accepte}, 0) >= 0`,
    ),
  ],
);

export const transaction_documents = pgTable(
  "transaction_documents",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    transaction_id: integer()
      .notNull()
      .references(() => portail_transactions.id, { onDelete: "cascade" }),
    nom: text().notNull(),
    type: text({ enum: TYPES_DOCUMENT }).notNull(),
    categorie: text().notNull(),
    taille: bigint({ mode: "number" }).notNull(),
    mime_type: text().notNull(),
    storage_key: text().notNull().unique(),
    sha256: text().notNull(),
    partage_par_id: integer().references(() => users.id, { onDelete: "set null" }),
    date_partage: timestamp({ withTimezone: true }).notNull().defaultNow(),
    nouveau: boolean().notNull().default(true),
    created_at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("transaction_documents_transaction_idx").on(t.transaction_id, t.date_partage.desc()),
    index("transaction_documents_categorie_idx").on(t.transaction_id, t.categorie),
    check("transaction_documents_type_check", sql`${t.type} in ${inList(TYPES_DOCUMENT)}`),
    check("transaction_documents_taille_check", sql`${t.taille} >= 0`),
  ],
);

export const transaction_messages = pgTable(
  "transaction_messages",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    transaction_id: integer()
      .notNull()
      .references(() => portail_transactions.id, { onDelete: "cascade" }),
    expediteur_id: integer()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    message: text().notNull(),
    date_envoi: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lu: boolean().notNull().default(false),
    lu_at: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("transaction_messages_thread_idx").on(t.transaction_id, t.date_envoi, t.id),
    index("transaction_messages_unread_idx")
      .on(t.transaction_id, t.expediteur_id)
      .where(sql`${t.lu} = false`),
    check("transaction_messages_length_check", sql`char_length(${t.message}) between 1 and 5000`),
  ],
);

export const transaction_taches = pgTable(
  "transaction_taches",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    transaction_id: integer()
      .notNull()
      .references(() => portail_transactions.id, { onDelete: "cascade" }),
    titre: text().notNull(),
    description: text(),
    priorite: text({ enum: PRIORITES }).notNull().default("moyenne"),
    categorie: text(),
    echeance: date({ mode: "string" }),
    completee: boolean().notNull().default(false),
    date_completion: timestamp({ withTimezone: true }),
    cree_par_id: integer().references(() => users.id, { onDelete: "set null" }),
    date_creation: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updated_at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("transaction_taches_transaction_idx").on(t.transaction_id, t.completee, t.echeance),
    check("transaction_taches_priorite_check", sql`${t.priorite} in ${inList(PRIORITES)}`),
  ],
);

export const transaction_etapes = pgTable(
  "transaction_etapes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    transaction_id: integer()
      .notNull()
      .references(() => portail_transactions.id, { onDelete: "cascade" }),
    titre: text().notNull(),
    description: text(),
    ordre: integer().notNull(),
    statut: text({ enum: STATUTS_ETAPE }).notNull().default("a_planifier"),
    date_planifiee: date({ mode: "string" }),
    heure_planifiee: time(),
    date_completion: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("transaction_etapes_transaction_idx").on(t.transaction_id, t.ordre),
    check("transaction_etapes_statut_check", sql`${t.statut} in ${inList(STATUTS_ETAPE)}`),
  ],
);
