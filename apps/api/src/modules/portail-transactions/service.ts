import type {
  createTransactionBodySchema,
  Transaction,
  updateTransactionBodySchema,
} from "@portail/shared";
import { statutFromProgression } from "@portail/shared";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/client.ts";
import { client_invitations, portail_transactions, transaction_etapes } from "../../db/schema.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { authorize } from "../../lib/policy.ts";
import type { Actor } from "../../types.ts";
import { defaultEtapes } from "../client-invitations/default-etapes.ts";
import { canManageTransaction } from "./policy.ts";
import {
  type BrokerListQuery,
  findTransactionDetail,
  findTransactionRow,
  listBrokerTransactions,
  type TransactionRow,
} from "./repository.ts";

type CreateInput = z.output<typeof createTransactionBodySchema>;
type UpdateInput = z.output<typeof updateTransactionBodySchema>;

interface Deps {
  db: Db;
  actor: Actor;
}

const invalid = (field: string, code: string, message: string) =>
  new AppError("VALIDATION_ERROR", message, { fields: [{ field, code, message }] });

/** date_fin never before date_debut, checked on the values the row will hold. */
function assertDateOrder(debut: string | null | undefined, fin: string | null | undefined) {
  if (debut && fin && fin < debut) {
    throw invalid("date_fin", "before_date_debut", "date_fin must not be before date_debut");
  }
}

export async function requireTransactionDetail(db: Db, actor: Actor, id: number) {
  const detail = await findTransactionDetail(db, actor, id);
  if (!detail) throw notFound("Transaction");
  return detail;
}

async function requireManagedRow(db: Db, actor: Actor, id: number): Promise<TransactionRow> {
  const row = await findTransactionRow(db, actor, id);
  if (!row) throw notFound("Transaction");
  authorize(canManageTransaction(actor, row));
  return row;
}

/** Opens a transaction for one of the broker's own invitations, with the usual étapes. */
export async function createTransaction({
  db,
  actor,
  input,
}: Deps & { input: CreateInput }): Promise<Transaction> {
  const [invitation] = await db
    .select({
      id: client_invitations.id,
      type_projet: client_invitations.type_projet,
      locale: client_invitations.locale,
    })
    .from(client_invitations)
    .where(
      and(
        eq(client_invitations.id, input.client_invitation_id),
        eq(client_invitations.courtier_id, actor.id),
      ),
    )
    .limit(1);
  if (!invitation) throw notFound("Invitation");
  assertDateOrder(input.date_debut, input.date_fin);

  const type = input.type ?? invitation.type_projet;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(portail_transactions)
      .values({
        client_invitation_id: invitation.id,
        courtier_id: actor.id,
        type,
        progression: input.progression,
        statut: statutFromProgression(input.progression),
        adresse: input.adresse ?? null,
        ville: input.ville ?? null,
        prix_offert: input.prix_offert ?? null,
        prix_accepte: input.prix_accepte ?? null,
        date_debut: input.date_debut ?? null,
        date_fin: input.date_fin ?? null,
      })
      .returning({ id: portail_transactions.id });
    if (input.etapes_par_defaut) {
      // The same first étapes as a new invitation's transaction: one list for both.
      await tx.insert(transaction_etapes).values(
        defaultEtapes(type, invitation.locale).map((etape) => ({
          transaction_id: row!.id,
          ...etape,
        })),
      );
    }
    return row!.id;
  });
  return requireTransactionDetail(db, actor, id);
}

export async function listForBroker({ db, actor, query }: Deps & { query: BrokerListQuery }) {
  return listBrokerTransactions(db, actor.id, query);
}

/**
 * The broker edits the property, prices, dates and type, and may cancel (`annulee`) or
 * un-cancel; every other statut is derived from the progression.
 */
export async function updateTransaction({
  db,
  actor,
  id,
  input,
}: Deps & { id: number; input: UpdateInput }): Promise<Transaction> {
  const row = await requireManagedRow(db, actor, id);
  const patch: Partial<typeof portail_transactions.$inferInsert> = {};
  for (const key of ["type", "adresse", "ville", "prix_offert", "prix_accepte"] as const) {
    if (input[key] !== undefined) Object.assign(patch, { [key]: input[key] });
  }
  if (input.date_debut !== undefined) patch.date_debut = input.date_debut;
  if (input.date_fin !== undefined) patch.date_fin = input.date_fin;
  assertDateOrder(
    patch.date_debut !== undefined ? patch.date_debut : row.date_debut,
    patch.date_fin !== undefined ? patch.date_fin : row.date_fin,
  );
  if (input.statut !== undefined) {
    const derived = statutFromProgression(row.progression);
    if (input.statut !== "annulee" && input.statut !== derived) {
      throw invalid(
        "statut",
        "derived_from_progression",
        `statut follows the progression (${row.progression} % → ${derived}); only annulee is set by hand`,
      );
    }
    patch.statut = input.statut;
  }
  if (Object.keys(patch).length > 0) {
    await db
      .update(portail_transactions)
      .set({ ...patch, updated_at: sql`now()` })
      .where(
        and(eq(portail_transactions.id, row.id), eq(portail_transactions.courtier_id, actor.id)),
      );
  }
  return requireTransactionDetail(db, actor, id);
}

/** Moves the progression; the statut follows it both ways. A cancelled transaction is frozen. */
export async function setProgression({
  db,
  actor,
  id,
  progression,
}: Deps & { id: number; progression: number }): Promise<Transaction> {
  const row = await requireManagedRow(db, actor, id);
  const conflict = () =>
    new AppError("CONFLICT", "This transaction is cancelled; un-cancel it before moving it");
  if (row.statut === "annulee") throw conflict();
  const updated = await db
    .update(portail_transactions)
    .set({ progression, statut: statutFromProgression(progression), updated_at: sql`now()` })
    .where(
      and(
        eq(portail_transactions.id, row.id),
        eq(portail_transactions.courtier_id, actor.id),
        // Cancelled in between: refuse rather than silently revive it.
        sql`${portail_transactions.statut} <> 'annulee'`,
      ),
    )
    .returning({ id: portail_transactions.id });
  if (updated.length === 0) throw conflict();
  return requireTransactionDetail(db, actor, id);
}
