import { eq, sql } from "drizzle-orm";
import type { TestContext } from "../../../test/context.ts";
import { transaction_messages } from "../../db/schema.ts";

/** Inserts messages straight into the database (setup for list and pagination tests). */
export async function insertMessages(
  ctx: TestContext,
  transactionId: number,
  messages: { expediteur_id: number; message?: string; date_envoi?: string; lu?: boolean }[],
) {
  if (messages.length === 0) return [];
  return ctx.database.db
    .insert(transaction_messages)
    .values(
      messages.map((item, index) => ({
        transaction_id: transactionId,
        expediteur_id: item.expediteur_id,
        message: item.message ?? `Message ${index + 1}`,
        lu: item.lu ?? false,
        lu_at: item.lu ? sql`now()` : null,
        ...(item.date_envoi ? { date_envoi: sql`${item.date_envoi}::timestamptz` } : {}),
      })),
    )
    .returning();
}

/** A transaction's messages as stored, in id order: what a refused request must not change. */
export const messagesSnapshot = (ctx: TestContext, transactionId: number) => () =>
  ctx.database.db
    .select()
    .from(transaction_messages)
    .where(eq(transaction_messages.transaction_id, transactionId))
    .orderBy(transaction_messages.id);
