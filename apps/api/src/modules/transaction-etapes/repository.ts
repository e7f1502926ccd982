import type { Etape } from "@portail/shared";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { portail_transactions, transaction_etapes } from "../../db/schema.ts";
import type { Actor } from "../../types.ts";
import { transactionScope } from "../portail-transactions/access.ts";

const e = transaction_etapes;
export type EtapeRow = typeof transaction_etapes.$inferSelect;

export function toEtape(row: EtapeRow): Etape {
  return {
    id: row.id,
    transaction_id: row.transaction_id,
    titre: row.titre,
    description: row.description,
    ordre: row.ordre,
    statut: row.statut,
    date_planifiee: row.date_planifiee,
    // PostgreSQL answers 'HH:MM:SS'; the contract speaks 'HH:MM'.
    heure_planifiee: row.heure_planifiee?.slice(0, 5) ?? null,
    date_completion: row.date_completion?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** An étape with the parties of its transaction, only if the actor is one of them. */
export async function findEtapeForActor(db: Db, actor: Actor, id: number) {
  const scope = transactionScope(actor);
  if (!scope) return null;
  const [row] = await db
    .select({
      etape: e,
      courtier_id: portail_transactions.courtier_id,
      client_invitation_id: portail_transactions.client_invitation_id,
    })
    .from(e)
    .innerJoin(portail_transactions, eq(portail_transactions.id, e.transaction_id))
    .where(and(eq(e.id, id), scope))
    .limit(1);
  return row ?? null;
}

export async function listEtapes(
  db: Db,
  transactionId: number,
  page: { skip: number; limit: number },
) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(e)
      .where(eq(e.transaction_id, transactionId))
      .orderBy(asc(e.ordre), asc(e.id))
      .limit(page.limit)
      .offset(page.skip),
    db.select({ count: count() }).from(e).where(eq(e.transaction_id, transactionId)),
  ]);
  return { items: rows.map(toEtape), total: total?.count ?? 0, ...page };
}

/** The transaction's étape ids in their current order. */
export async function etapeIdsInOrder(db: Db, transactionId: number): Promise<number[]> {
  const rows = await db
    .select({ id: e.id })
    .from(e)
    .where(eq(e.transaction_id, transactionId))
    .orderBy(asc(e.ordre), asc(e.id));
  return rows.map((row) => row.id);
}

/** Gives the étapes the positions 1..n in the order of `ids`, in one statement. */
export async function renumberEtapes(db: Db, transactionId: number, ids: number[]) {
  if (ids.length === 0) return;
  const values = sql.join(
    ids.map((id, index) => sql`(${id}::int, ${index + 1}::int)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${e} set ordre = v.ordre, updated_at = now()
    from (values ${values}) as v(id, ordre)
    where ${e.id} = v.id and ${e.transaction_id} = ${transactionId} and ${e.ordre} <> v.ordre`);
}
