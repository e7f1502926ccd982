import { eq } from "drizzle-orm";
import type { TestContext } from "../../../test/context.ts";
import { transaction_taches } from "../../db/schema.ts";

type TacheValues = Partial<typeof transaction_taches.$inferInsert>;

/** Inserts tasks straight into the database (setup for list, count and ordering tests). */
export async function insertTaches(ctx: TestContext, transactionId: number, taches: TacheValues[]) {
  if (taches.length === 0) return [];
  return ctx.database.db
    .insert(transaction_taches)
    .values(
      taches.map((values, index) => ({
        titre: `Tâche ${index + 1}`,
        ...values,
        transaction_id: transactionId,
      })),
    )
    .returning();
}

/** A transaction's tasks as stored, in id order: what a refused request must not change. */
export const tachesSnapshot = (ctx: TestContext, transactionId: number) => () =>
  ctx.database.db
    .select()
    .from(transaction_taches)
    .where(eq(transaction_taches.transaction_id, transactionId))
    .orderBy(transaction_taches.id);

export async function storedTache(ctx: TestContext, id: number) {
  const [row] = await ctx.database.db
    .select()
    .from(transaction_taches)
    .where(eq(transaction_taches.id, id));
  return row;
}

/** Today's date in Québec according to this process (tests run with TZ=America/Montreal). */
export function montrealDate(offsetDays = 0): string {
  const now = new Date();
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Montreal",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  const [y, m, d] = today.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + offsetDays)).toISOString().slice(0, 10);
}
