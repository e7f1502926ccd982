import type { Message, MessageMarkAllReadResult, MessagePage } from "@portail/shared";
import type { Db } from "../../db/client.ts";
import { notFound } from "../../lib/errors.ts";
import type { Actor } from "../../types.ts";
import { requireTransactionForActor } from "../portail-transactions/access.ts";
import { decodeCursor, encodeCursor, type MessageCursor } from "./cursor.ts";
import { authorizeMarkRead, authorizeThread } from "./policy.ts";
import {
  findMessageForActor,
  insertMessage,
  type MessageRow,
  markMessageRead,
  markThreadRead,
  type PageDirection,
  selectPage,
  selectThreadCounts,
} from "./repository.ts";

interface Deps {
  db: Db;
  actor: Actor;
}

function toMessage(row: MessageRow, actor: Actor): Message {
  return {
    id: row.id,
    transaction_id: row.transaction_id,
    message: row.message,
    date_envoi: row.date_envoi.toISOString(),
    lu: row.lu,
    lu_at: row.lu_at?.toISOString() ?? null,
    expediteur: row.expediteur,
    mine: row.expediteur_id === actor.id,
  };
}

export async function sendMessage(
  { db, actor }: Deps,
  input: { transaction_id: number; message: string },
): Promise<Message> {
  const transaction = await requireTransactionForActor(db, actor, input.transaction_id);
  authorizeThread(actor, transaction);
  const row = await insertMessage(db, {
    transaction_id: transaction.id,
    expediteur_id: actor.id,
    message: input.message,
  });
  // The sender is the caller: their name needs no second query.
  const expediteur = {
    id: actor.id,
    first_name: actor.first_name,
    last_name: actor.last_name,
    role: actor.role,
  };
  return toMessage({ ...row, expediteur }, actor);
}

/**
 * A page of the thread, oldest first, in a constant number of queries: the access check, the
 * page with its senders, the counts.
 */
export async function listMessages(
  { db, actor }: Deps,
  transactionId: number,
  query: { limit: number; before?: string; after?: string },
): Promise<MessagePage> {
  const before = query.before ? decodeCursor(query.before, "before") : undefined;
  const after = query.after ? decodeCursor(query.after, "after") : undefined;
  const transaction = await requireTransactionForActor(db, actor, transactionId);
  authorizeThread(actor, transaction);

  let direction: PageDirection = "latest";
  if (before) direction = { before };
  else if (after) direction = { after };
  const rows = await selectPage(db, transaction.id, direction, query.limit);

  // The page's two ends; an empty page sits at the cursor it was asked from.
  const given = before ?? after;
  const lower: MessageCursor | undefined = rows[0]?.cursor ?? given;
  const upper: MessageCursor | undefined = rows.at(-1)?.cursor ?? given;
  const counts = await selectThreadCounts(
    db,
    transaction.id,
    actor.id,
    lower && upper ? { lower, upper } : null,
  );

  return {
    items: rows.map((row) => toMessage(row, actor)),
    total: counts.total,
    skip: 0,
    limit: query.limit,
    next_before: lower && counts.older > 0 ? encodeCursor(lower) : null,
    next_after: upper ? encodeCursor(upper) : null,
    has_more_after: counts.newer > 0,
    unread_count: counts.unread,
  };
}

/** Only the recipient marks a message read; the sender gets 403, anyone else 404. */
export async function markRead({ db, actor }: Deps, messageId: number): Promise<Message> {
  const message = await findMessageForActor(db, actor, messageId);
  if (!message) throw notFound("Message");
  authorizeMarkRead(actor, message);
  const read = message.lu ? message : { ...message, ...(await markMessageRead(db, message.id)) };
  return toMessage(read, actor);
}

/** Everything addressed to the caller in the thread (up to what they saw) becomes read. */
export async function markAllRead(
  { db, actor }: Deps,
  transactionId: number,
  query: { up_to?: string },
): Promise<MessageMarkAllReadResult> {
  const upTo = query.up_to ? decodeCursor(query.up_to, "up_to") : undefined;
  const transaction = await requireTransactionForActor(db, actor, transactionId);
  authorizeThread(actor, transaction);
  return markThreadRead(db, transaction.id, actor.id, upTo);
}
