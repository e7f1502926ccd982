import type { Priorite, Tache, TachePage } from "@portail/shared";
import type { Db } from "../../db/client.ts";
import { notFound } from "../../lib/errors.ts";
import type { Actor } from "../../types.ts";
import { requireTransactionForActor } from "../portail-transactions/access.ts";
import { authorizeFollow, authorizeManage } from "./policy.ts";
import {
  type Creator,
  deleteTache as deleteTacheRow,
  findTacheForActor,
  insertTache,
  selectCounts,
  selectPage,
  type TacheFilters,
  type TachePatch,
  type TacheRow,
  toggleTache as toggleTacheRow,
  updateTache as updateTacheRow,
} from "./repository.ts";

interface Deps {
  db: Db;
  actor: Actor;
}

function toTache(row: TacheRow, creePar: Creator): Tache {
  return {
    id: row.id,
    transaction_id: row.transaction_id,
    titre: row.titre,
    description: row.description,
    priorite: row.priorite,
    categorie: row.categorie,
    // A calendar date string as stored: never through a JS Date, so never shifted a day.
    echeance: row.echeance,
    completee: row.completee,
    date_completion: row.date_completion?.toISOString() ?? null,
    en_retard: row.en_retard,
    cree_par: creePar?.id ? creePar : null,
    date_creation: row.date_creation.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export async function createTache(
  { db, actor }: Deps,
  input: {
    transaction_id: number;
    titre: string;
    description?: string | null;
    priorite: Priorite;
    categorie?: string | null;
    echeance?: string | null;
  },
): Promise<Tache> {
  const transaction = await requireTransactionForActor(db, actor, input.transaction_id);
  authorizeManage(actor, transaction, "Transaction");
  const row = await insertTache(db, {
    transaction_id: transaction.id,
    titre: input.titre,
    description: input.description ?? null,
    priorite: input.priorite,
    categorie: input.categorie ?? null,
    echeance: input.echeance ?? null,
    cree_par_id: actor.id,
  });
  return toTache(row, { id: actor.id, first_name: actor.first_name, last_name: actor.last_name });
}

/**
 * A page of a transaction's tasks with the counters the tabs show, in a constant number of
 * queries: the access check, the page with creators, the counts.
 */
export async function listTaches(
  { db, actor }: Deps,
  transactionId: number,
  query: TacheFilters & { skip: number; limit: number },
): Promise<TachePage> {
  const transaction = await requireTransactionForActor(db, actor, transactionId);
  authorizeFollow(actor, transaction, "Transaction");
  const { skip, limit, ...filters } = query;
  const rows = await selectPage(db, transaction.id, filters, { skip, limit });
  const { filtered, counts } = await selectCounts(db, transaction.id, filters);
  return {
    items: rows.map(({ cree_par, ...row }) => toTache(row, cree_par)),
    total: filtered,
    skip,
    limit,
    counts,
  };
}

async function requireTache(db: Db, actor: Actor, tacheId: number) {
  const tache = await findTacheForActor(db, actor, tacheId);
  if (!tache) throw notFound("Tache");
  return tache;
}

export async function updateTache(
  { db, actor }: Deps,
  tacheId: number,
  patch: TachePatch,
): Promise<Tache> {
  const tache = await requireTache(db, actor, tacheId);
  authorizeManage(actor, tache);
  return toTache(await updateTacheRow(db, tache.id, patch), tache.cree_par);
}

/** Either party ticks a task off or reopens it. */
export async function toggleTache({ db, actor }: Deps, tacheId: number): Promise<Tache> {
  const tache = await requireTache(db, actor, tacheId);
  authorizeFollow(actor, tache);
  return toTache(await toggleTacheRow(db, tache.id), tache.cree_par);
}

export async function deleteTache({ db, actor }: Deps, tacheId: number): Promise<void> {
  const tache = await requireTache(db, actor, tacheId);
  authorizeManage(actor, tache);
  await deleteTacheRow(db, tache.id);
}
