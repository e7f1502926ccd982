import type { User } from "@portail/shared";
import { and, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { auth_sessions, client_invitations, users } from "../../db/schema.ts";
import type { Actor } from "../../types.ts";

export type UserRow = typeof users.$inferSelect;

/** Whether a user may sign in: active, and for a client, an invitation the broker keeps active. */
export async function canSignIn(db: Db, user: UserRow): Promise<boolean> {
  if (!user.is_active) return false;
  if (user.role !== "client") return true;
  if (!user.client_invitation_id) return false;
  const [row] = await db
    .select({ statut: client_invitations.statut })
    .from(client_invitations)
    .where(eq(client_invitations.id, user.client_invitation_id))
    .limit(1);
  return row?.statut === "actif";
}

/** A client's sign-in is the broker's « Dernière connexion ». */
export async function recordClientConnection(db: Db, user: UserRow) {
  if (user.role !== "client" || !user.client_invitation_id) return;
  await db
    .update(client_invitations)
    .set({ derniere_connexion: sql`now()` })
    .where(eq(client_invitations.id, user.client_invitation_id));
}

/**
 * The per-request authentication query: the user, only if active, through a session that is
 * neither revoked nor expired. One round trip, built once per database and run as a named
 * prepared statement: every authenticated request pays for it, so neither Node nor PostgreSQL
 * should build or plan it again each time.
 */
const prepareLoadActor = (db: Db) =>
  db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      first_name: users.first_name,
      last_name: users.last_name,
      locale: users.locale,
      client_invitation_id: users.client_invitation_id,
      session_id: auth_sessions.id,
    })
    .from(users)
    .innerJoin(auth_sessions, eq(auth_sessions.user_id, users.id))
    .leftJoin(client_invitations, eq(client_invitations.id, users.client_invitation_id))
    .where(
      and(
        eq(users.id, sql.placeholder("userId")),
        eq(auth_sessions.id, sql.placeholder("sessionId")),
        eq(users.is_active, true),
        isNull(auth_sessions.revoked_at),
        gt(auth_sessions.expires_at, sql`now()`),
        // A client is cut off while the broker keeps their invitation `inactif`.
        or(ne(users.role, "client"), eq(client_invitations.statut, "actif")),
      ),
    )
    .limit(1)
    .prepare("load_actor");

const loadActorQueries = new WeakMap<Db, ReturnType<typeof prepareLoadActor>>();

export async function loadActor(db: Db, userId: number, sessionId: string): Promise<Actor | null> {
  let query = loadActorQueries.get(db);
  if (!query) {
    query = prepareLoadActor(db);
    loadActorQueries.set(db, query);
  }
  const [row] = await query.execute({ userId, sessionId });
  return row ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export function toPublicUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    telephone: row.telephone,
    role: row.role,
    locale: row.locale,
    // The client ↔ invitation link arrives with the portal schema.
    client_invitation_id:
      (row as { client_invitation_id?: number | null }).client_invitation_id ?? null,
    is_active: row.is_active,
    last_login_at: row.last_login_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  };
}

export async function revokeSession(db: Db, sessionId: string, reason: string) {
  await db
    .update(auth_sessions)
    .set({ revoked_at: sql`now()`, revoked_reason: reason })
    .where(and(eq(auth_sessions.id, sessionId), isNull(auth_sessions.revoked_at)));
}

export async function revokeAllSessions(db: Db, userId: number, reason: string) {
  await db
    .update(auth_sessions)
    .set({ revoked_at: sql`now()`, revoked_reason: reason })
    .where(and(eq(auth_sessions.user_id, userId), isNull(auth_sessions.revoked_at)));
}
