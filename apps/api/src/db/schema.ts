import { ROLES } from "@portail/shared";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
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
