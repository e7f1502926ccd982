import type { Priorite } from "@portail/shared";
import { TACHE_A_VENIR_DAYS } from "@portail/shared";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  client_invitations,
  portail_transactions,
  transaction_taches as t,
  users,
} from "../../db/schema.ts";
import { todayInQuebecSql } from "../../lib/quebec-time.ts";
import type { Actor } from "../../types.ts";
import { accessFlagColumns, transactionScope } from "../portail-transactions/access.ts";

/**
 * Today's calendar date in Québec, computed by the database so it depends neither on the API
 * server's time zone nor on the session's.
 */
const isOpen = sql`${t.completee} = false`;
const isLate = sql`(${isOpen} and ${t.echeance} < ${todayInQuebecSql})`;
const isUpcoming = sql`(${isOpen} and ${t.echeance} between ${todayInQuebecSql} and ${todayInQuebecSql} + ${sql.raw(String(TACHE_A_VENIR_DAYS))})`;
const prioriteRank = sql`case ${t.priorite} when 'haute' then 0 when 'moyenne' then 1 else 2 end`;

/** A task's own columns, plus whether it is late today. */
const tacheColumns = {
  id: t.id,
  transaction_id: t.transaction_id,
  titre: t.titre,
  description: t.description,
  priorite: t.priorite,
  categorie: t.categorie,
  echeance: t.echeance,
  completee: t.completee,
  date_completion: t.date_completion,
  en_retard: sql<boolean>`coalesce(${isLate}, false)`,
  date_creation: t.date_creation,
  updated_at: t.updated_at,
};

const creePar = { id: users.id, first_name: users.first_name, last_name: users.last_name };

export type TacheRow = {
  id: number;
  transaction_id: number;
  titre: string;
  description: string | null;
  priorite: Priorite;
  categorie: string | null;
  echeance: string | null;
  completee: boolean;
  date_completion: Date | null;
  en_retard: boolean;
  date_creation: Date;
  updated_at: Date;
};

export type Creator = { id: number; first_name: string; last_name: string } | null;

export interface TacheFilters {
  completee?: boolean;
  priorite?: Priorite;
}

const filterCondition = (filters: TacheFilters): SQL =>
  and(
    filters.completee === undefined ? undefined : eq(t.completee, filters.completee),
    filters.priorite === undefined ? undefined : eq(t.priorite, filters.priorite),
  ) ?? sql`true`;

/** One page of a transaction's tasks with their creator, open ones first. */
export async function selectPage(
  db: Db,
  transactionId: number,
  filters: TacheFilters,
  page: { skip: number; limit: number },
): Promise<(TacheRow & { cree_par: Creator })[]> {
  return db
    .select({ ...tacheColumns, cree_par: creePar })
    .from(t)
    .leftJoin(users, eq(users.id, t.cree_par_id))
    .where(and(eq(t.transaction_id, transactionId), filterCondition(filters)))
    .orderBy(asc(t.completee), sql`${t.echeance} asc nulls last`, asc(prioriteRank), asc(t.id))
    .offset(page.skip)
    .limit(page.limit);
}

/** The filtered total and the whole transaction's counters, in one query. */
export async function selectCounts(db: Db, transactionId: number, filters: TacheFilters) {
  const [row] = await db
    .select({
      filtered: sql<number>`(count(*) filter (where ${filterCondition(filters)}))::int`,
      total: sql<number>`count(*)::int`,
      actives: sql<number>`(count(*) filter (where ${isOpen}))::int`,
      completees: sql<number>`(count(*) filter (where ${t.completee}))::int`,
      en_retard: sql<number>`(count(*) filter (where ${isLate}))::int`,
      a_venir: sql<number>`(count(*) filter (where ${isUpcoming}))::int`,
    })
    .from(t)
    .where(eq(t.transaction_id, transactionId));
  const n = (value: number | undefined) => Number(value ?? 0);
  return {
    filtered: n(row?.filtered),
    counts: {
      total: n(row?.total),
      actives: n(row?.actives),
      completees: n(row?.completees),
      en_retard: n(row?.en_retard),
      a_venir: n(row?.a_venir),
    },
  };
}

export async function insertTache(db: Db, values: typeof t.$inferInsert): Promise<TacheRow> {
  const [row] = await db.insert(t).values(values).returning(tacheColumns);
  return row!;
}

/**
 * A task with its creator and what the policy needs (its transaction's parties and the client's
 * access flags), found only inside the actor's own transactions.
 */
export async function findTacheForActor(db: Db, actor: Actor, tacheId: number) {
  const scope = transactionScope(actor);
  if (!scope) return null;
  const [row] = await db
    .select({
      ...tacheColumns,
      cree_par: creePar,
      courtier_id: portail_transactions.courtier_id,
      client_invitation_id: portail_transactions.client_invitation_id,
      flags: accessFlagColumns,
    })
    .from(t)
    .innerJoin(portail_transactions, eq(portail_transactions.id, t.transaction_id))
    .innerJoin(
      client_invitations,
      eq(client_invitations.id, portail_transactions.client_invitation_id),
    )
    .leftJoin(users, eq(users.id, t.cree_par_id))
    .where(and(eq(t.id, tacheId), scope))
    .limit(1);
  return row ?? null;
}

export interface TachePatch {
  titre?: string;
  description?: string | null;
  priorite?: Priorite;
  categorie?: string | null;
  echeance?: string | null;
  completee?: boolean;
}

/** A partial update; completing keeps a first date_completion, reopening clears it. */
export async function updateTache(db: Db, tacheId: number, patch: TachePatch): Promise<TacheRow> {
  const { completee, ...fields } = patch;
  const [row] = await db
    .update(t)
    .set({
      ...fields,
      ...(completee === undefined
        ? {}
        : {
            completee,
            date_completion: completee ? sql`coalesce(${t.date_completion}, now())` : null,
          }),
      updated_at: sql`now()`,
    })
    .where(eq(t.id, tacheId))
    .returning(tacheColumns);
  return row!;
}

/** Flips completee in the database itself, so two quick clicks cannot both "complete" it. */
export async function toggleTache(db: Db, tacheId: number): Promise<TacheRow> {
  const [row] = await db
    .update(t)
    .set({
      completee: sql`not ${t.completee}`,
      // The right-hand side sees the row before the update.
      date_completion: sql`case when ${t.completee} then null else now() end`,
      updated_at: sql`now()`,
    })
    .where(eq(t.id, tacheId))
    .returning(tacheColumns);
  return row!;
}

export async function deleteTache(db: Db, tacheId: number) {
  await db.delete(t).where(eq(t.id, tacheId));
}
