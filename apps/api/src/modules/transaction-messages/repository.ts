import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.ts";
import {
  client_invitations,
  transaction_messages as m,
  portail_transactions,
  users,
} from "../../db/schema.ts";
import type { Actor } from "../../types.ts";
import { accessFlagColumns, transactionScope } from "../portail-transactions/access.ts";
import type { MessageCursor } from "./cursor.ts";

/** The thread's sort key as UTC text with microseconds: what cursors carry. */
const cursorDate = sql<string>`to_char(${m.date_envoi} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const beforeCursor = (c: MessageCursor) =>
  sql`(${m.date_envoi}, ${m.id}) < (${c.date_envoi}::timestamptz, ${c.id}::integer)`;
const afterCursor = (c: MessageCursor) =>
  sql`(${m.date_envoi}, ${m.id}) > (${c.date_envoi}::timestamptz, ${c.id}::integer)`;
const atOrBeforeCursor = (c: MessageCursor) =>
  sql`(${m.date_envoi}, ${m.id}) <= (${c.date_envoi}::timestamptz, ${c.id}::integer)`;

const messageColumns = {
  id: m.id,
  transaction_id: m.transaction_id,
  message: m.message,
  date_envoi: m.date_envoi,
  lu: m.lu,
  lu_at: m.lu_at,
  expediteur_id: m.expediteur_id,
  expediteur: {
    id: users.id,
    first_name: users.first_name,
    last_name: users.last_name,
    role: users.role,
  },
};

export interface MessageRow {
  id: number;
  transaction_id: number;
  message: string;
  date_envoi: Date;
  lu: boolean;
  lu_at: Date | null;
  expediteur_id: number;
  expediteur: { id: number; first_name: string; last_name: string; role: Actor["role"] };
}

export type PageDirection = { before: MessageCursor } | { after: MessageCursor } | "latest";

/**
 * One page of a thread with each sender, in one query (the join), oldest first. "latest" and
 * `before` read backwards from the newest end; `after` reads forwards (polling).
 */
export async function selectPage(
  db: Db,
  transactionId: number,
  direction: PageDirection,
  limit: number,
): Promise<(MessageRow & { cursor: MessageCursor })[]> {
  const forwards = typeof direction === "object" && "after" in direction;
  let position: SQL | undefined;
  if (typeof direction === "object") {
    position = "after" in direction ? afterCursor(direction.after) : beforeCursor(direction.before);
  }
  const order = forwards ? [asc(m.date_envoi), asc(m.id)] : [desc(m.date_envoi), desc(m.id)];
  const rows = await db
    .select({ ...messageColumns, cursor_date: cursorDate })
    .from(m)
    .innerJoin(users, eq(users.id, m.expediteur_id))
    .where(and(eq(m.transaction_id, transactionId), position))
    .orderBy(...order)
    .limit(limit);
  if (!forwards) rows.reverse();
  return rows.map(({ cursor_date, ...row }) => ({
    ...row,
    cursor: { date_envoi: cursor_date, id: row.id },
  }));
}

/**
 * The thread's totals for the caller, and whether anything lies beyond the page's two ends,
 * in one query whatever the page size.
 */
export async function selectThreadCounts(
  db: Db,
  transactionId: number,
  actorId: number,
  bounds: { lower: MessageCursor; upper: MessageCursor } | null,
) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      unread: sql<number>`(count(*) filter (where ${m.lu} = false and ${m.expediteur_id} <> ${actorId}))::int`,
      older: bounds
        ? sql<number>`(count(*) filter (where ${beforeCursor(bounds.lower)}))::int`
        : sql<number>`0`,
      newer: bounds
        ? sql<number>`(count(*) filter (where ${afterCursor(bounds.upper)}))::int`
        : sql<number>`0`,
    })
    .from(m)
    .where(eq(m.transaction_id, transactionId));
  return {
    total: Number(row?.total ?? 0),
    unread: Number(row?.unread ?? 0),
    older: Number(row?.older ?? 0),
    newer: Number(row?.newer ?? 0),
  };
}

export async function insertMessage(
  db: Db,
  values: { transaction_id: number; expediteur_id: number; message: string },
) {
  const [row] = await db.insert(m).values(values).returning({
    id: m.id,
    transaction_id: m.transaction_id,
    message: m.message,
    date_envoi: m.date_envoi,
    lu: m.lu,
    lu_at: m.lu_at,
    expediteur_id: m.expediteur_id,
  });
  return row!;
}

/**
 * A message with its sender and what the policy needs (its transaction's parties and the
 * client's access flags), found only inside the actor's own transactions.
 */
export async function findMessageForActor(db: Db, actor: Actor, messageId: number) {
  const scope = transactionScope(actor);
  if (!scope) return null;
  const [row] = await db
    .select({
      ...messageColumns,
      courtier_id: portail_transactions.courtier_id,
      client_invitation_id: portail_transactions.client_invitation_id,
      flags: accessFlagColumns,
    })
    .from(m)
    .innerJoin(portail_transactions, eq(portail_transactions.id, m.transaction_id))
    .innerJoin(
      client_invitations,
      eq(client_invitations.id, portail_transactions.client_invitation_id),
    )
    .innerJoin(users, eq(users.id, m.expediteur_id))
    .where(and(eq(m.id, messageId), scope))
    .limit(1);
  return row ?? null;
}

/** Marks one message read; a second call keeps the first lu_at (idempotent). */
export async function markMessageRead(db: Db, messageId: number) {
  const [row] = await db
    .update(m)
    .set({ lu: true, lu_at: sql`coalesce(${m.lu_at}, now())` })
    .where(eq(m.id, messageId))
    .returning({ lu: m.lu, lu_at: m.lu_at });
  return row!;
}

/**
 * Marks every unread message addressed to the reader in a thread (up to a cursor) read, and
 * says how many remain, in one statement. The outer select sees the rows as they were before
 * the update (same snapshot), hence the subtraction.
 */
export async function markThreadRead(
  db: Db,
  transactionId: number,
  readerId: number,
  upTo: MessageCursor | undefined,
) {
  const upToCondition = upTo ? sql`and ${atOrBeforeCursor(upTo)}` : sql``;
  const result = await db.execute(sql`
    with marked as (
      update ${m} set lu = true, lu_at = now()
      where ${m.transaction_id} = ${transactionId}
        and ${m.expediteur_id} <> ${readerId}
        and ${m.lu} = false
        ${upToCondition}
      returning 1
    )
    select
      (select count(*) from marked)::int as marked,
      ((select count(*) from ${m}
         where ${m.transaction_id} = ${transactionId}
           and ${m.expediteur_id} <> ${readerId}
           and ${m.lu} = false)
        - (select count(*) from marked))::int as unread_count`);
  const [row] = rowsOf<{ marked: number | string; unread_count: number | string }>(result);
  return { marked: Number(row?.marked ?? 0), unread_count: Number(row?.unread_count ?? 0) };
}
