import type {
  createEtapeBodySchema,
  Etape,
  etapeListQuerySchema,
  updateEtapeBodySchema,
} from "@portail/shared";
import { and, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "../../db/client.ts";
import { transaction_etapes } from "../../db/schema.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { authorize } from "../../lib/policy.ts";
import type { Actor } from "../../types.ts";
import { requireTransactionForActor } from "../portail-transactions/access.ts";
import { canManageEtapes, canViewEtapes, withCalendarAccess } from "./policy.ts";
import {
  etapeIdsInOrder,
  findEtapeForActor,
  listEtapes,
  renumberEtapes,
  toEtape,
} from "./repository.ts";

interface Deps {
  db: Db;
  actor: Actor;
}
type CreateInput = z.output<typeof createEtapeBodySchema>;
type UpdateInput = z.output<typeof updateEtapeBodySchema>;
type ListQuery = z.output<typeof etapeListQuerySchema>;

const e = transaction_etapes;

/** Moves `id` to `position` (1-based, clamped) in `ids`. */
function placeAt(ids: number[], id: number, position: number): number[] {
  const rest = ids.filter((other) => other !== id);
  const index = Math.min(Math.max(position, 1), rest.length + 1) - 1;
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}

async function requireManagedEtape(db: Db, actor: Actor, id: number) {
  const found = await findEtapeForActor(db, actor, id);
  if (!found) throw notFound("Étape");
  authorize(canManageEtapes(actor, found));
  return found.etape;
}

async function requireEtape(db: Db, id: number) {
  const [row] = await db.select().from(e).where(eq(e.id, id)).limit(1);
  if (!row) throw notFound("Étape");
  return toEtape(row);
}

/** Adds an étape at the end, or at `ordre` with the following ones moved down. */
export async function createEtape({ db, actor, input }: Deps & { input: CreateInput }) {
  const transaction = await requireTransactionForActor(db, actor, input.transaction_id);
  authorize(canManageEtapes(actor, transaction));
  const id = await db.transaction(async (tx) => {
    const ids = await etapeIdsInOrder(tx, transaction.id);
    const last = ids.length + 1;
    const position = Math.min(input.ordre ?? last, last);
    const [row] = await tx
      .insert(e)
      .values({
        transaction_id: transaction.id,
        titre: input.titre,
        description: input.description ?? null,
        ordre: position,
        statut: input.statut,
        date_planifiee: input.date_planifiee ?? null,
        heure_planifiee: input.heure_planifiee ?? null,
        date_completion: input.statut === "complete" ? sql`now()` : null,
      })
      .returning({ id: e.id });
    if (position < last) await renumberEtapes(tx, transaction.id, placeAt(ids, row!.id, position));
    return row!.id;
  });
  return requireEtape(db, id);
}

/**
 * Partial update. Becoming `complete` records when; leaving it clears the date. A new `ordre`
 * moves the étape and renumbers the others so positions stay 1..n.
 */
export async function updateEtape({
  db,
  actor,
  id,
  input,
}: Deps & { id: number; input: UpdateInput }): Promise<Etape> {
  const etape = await requireManagedEtape(db, actor, id);
  const patch: PgUpdateSetSource<typeof e> = {};
  if (input.titre !== undefined) patch.titre = input.titre;
  if (input.description !== undefined) patch.description = input.description;
  if (input.date_planifiee !== undefined) patch.date_planifiee = input.date_planifiee;
  if (input.heure_planifiee !== undefined) patch.heure_planifiee = input.heure_planifiee;
  if (input.statut !== undefined) {
    patch.statut = input.statut;
    if (input.statut !== "complete") patch.date_completion = null;
    else if (etape.statut !== "complete") patch.date_completion = sql`now()`;
  }
  await db.transaction(async (tx) => {
    if (Object.keys(patch).length > 0) {
      await tx
        .update(e)
        .set({ ...patch, updated_at: sql`now()` })
        .where(and(eq(e.id, etape.id), eq(e.transaction_id, etape.transaction_id)));
    }
    if (input.ordre !== undefined) {
      const ids = await etapeIdsInOrder(tx, etape.transaction_id);
      await renumberEtapes(tx, etape.transaction_id, placeAt(ids, etape.id, input.ordre));
    }
  });
  return requireEtape(db, etape.id);
}

/** Removes an étape; the following ones move up. */
export async function deleteEtape({ db, actor, id }: Deps & { id: number }) {
  const etape = await requireManagedEtape(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.delete(e).where(and(eq(e.id, etape.id), eq(e.transaction_id, etape.transaction_id)));
    await renumberEtapes(tx, etape.transaction_id, await etapeIdsInOrder(tx, etape.transaction_id));
  });
}

export async function listTransactionEtapes({
  db,
  actor,
  transactionId,
  query,
}: Deps & { transactionId: number; query: ListQuery }) {
  const transaction = await requireTransactionForActor(db, actor, transactionId);
  authorize(canViewEtapes(actor, transaction));
  const page = await listEtapes(db, transaction.id, query);
  return {
    ...page,
    items: page.items.map((etape) => withCalendarAccess(actor, transaction.flags, etape)),
  };
}

/** Sets the order of all the transaction's étapes at once (the broker's drag and drop). */
export async function reorderEtapes({
  db,
  actor,
  transactionId,
  ids,
}: Deps & { transactionId: number; ids: number[] }) {
  const transaction = await requireTransactionForActor(db, actor, transactionId);
  authorize(canManageEtapes(actor, transaction));
  await db.transaction(async (tx) => {
    const current = await etapeIdsInOrder(tx, transaction.id);
    const known = new Set(current);
    // Any id that is not one of this transaction's étapes is refused the same way, whether it
    // exists elsewhere or not: nothing about other transactions leaks.
    if (ids.length !== current.length || !ids.every((id) => known.has(id))) {
      const message = "ids must list every étape of this transaction exactly once";
      throw new AppError("VALIDATION_ERROR", message, {
        fields: [{ field: "ids", code: "not_a_permutation", message }],
      });
    }
    await renumberEtapes(tx, transaction.id, ids);
  });
  return listEtapes(db, transaction.id, { skip: 0, limit: Math.max(ids.length, 1) });
}
