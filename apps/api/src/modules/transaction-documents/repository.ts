import type { TransactionDocument } from "@portail/shared";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  client_invitations,
  portail_transactions,
  transaction_documents,
  users,
} from "../../db/schema.ts";
import type { Actor } from "../../types.ts";
import { accessFlagColumns, transactionScope } from "../portail-transactions/access.ts";
import type { DocumentScope } from "./policy.ts";

export type DocumentRow = typeof transaction_documents.$inferSelect;
export type NewDocumentRow = typeof transaction_documents.$inferInsert;

// The columns a response shows, with the sharer's name from one left join.
const documentColumns = {
  id: transaction_documents.id,
  transaction_id: transaction_documents.transaction_id,
  nom: transaction_documents.nom,
  type: transaction_documents.type,
  categorie: transaction_documents.categorie,
  taille: transaction_documents.taille,
  mime_type: transaction_documents.mime_type,
  sha256: transaction_documents.sha256,
  date_partage: transaction_documents.date_partage,
  nouveau: transaction_documents.nouveau,
  sharer_id: users.id,
  sharer_first_name: users.first_name,
  sharer_last_name: users.last_name,
  sharer_role: users.role,
};

type DocumentColumns = {
  [K in keyof typeof documentColumns]: (typeof documentColumns)[K]["_"]["data"] | null;
};

export function toDocument(row: DocumentColumns): TransactionDocument {
  return {
    id: row.id!,
    transaction_id: row.transaction_id!,
    nom: row.nom!,
    type: row.type!,
    categorie: row.categorie!,
    taille: row.taille!,
    mime_type: row.mime_type!,
    sha256: row.sha256!,
    partage_par:
      row.sharer_id === null
        ? null
        : {
            id: row.sharer_id,
            first_name: row.sharer_first_name!,
            last_name: row.sharer_last_name!,
            role: row.sharer_role!,
          },
    date_partage: row.date_partage!.toISOString(),
    nouveau: row.nouveau!,
  };
}

export type ScopedDocument = TransactionDocument & DocumentScope & { storage_key: string };

/**
 * One document with what its policies need, only if the actor is a party to its transaction
 * (scoped in the query): anyone else gets null, i.e. 404.
 */
export async function findDocumentForActor(
  db: Db,
  actor: Actor,
  documentId: number,
): Promise<ScopedDocument | null> {
  const scope = transactionScope(actor);
  if (!scope) return null;
  const [row] = await db
    .select({
      ...documentColumns,
      storage_key: transaction_documents.storage_key,
      courtier_id: portail_transactions.courtier_id,
      client_invitation_id: portail_transactions.client_invitation_id,
      flags: accessFlagColumns,
    })
    .from(transaction_documents)
    .innerJoin(
      portail_transactions,
      eq(portail_transactions.id, transaction_documents.transaction_id),
    )
    .innerJoin(
      client_invitations,
      eq(client_invitations.id, portail_transactions.client_invitation_id),
    )
    .leftJoin(users, eq(users.id, transaction_documents.partage_par_id))
    .where(and(eq(transaction_documents.id, documentId), scope))
    .limit(1);
  if (!row) return null;
  return {
    ...toDocument(row),
    storage_key: row.storage_key,
    courtier_id: row.courtier_id,
    client_invitation_id: row.client_invitation_id,
    flags: row.flags,
  };
}

/** A page of a transaction's documents, newest first; the caller has authorized the read. */
export async function listDocuments(
  db: Db,
  transactionId: number,
  query: { categorie?: string; skip: number; limit: number },
): Promise<{ items: TransactionDocument[]; total: number }> {
  const where = and(
    eq(transaction_documents.transaction_id, transactionId),
    query.categorie ? eq(transaction_documents.categorie, query.categorie) : undefined,
  );
  // The total rides along with the page (a window count over every matching row, taken before
  // LIMIT): one statement instead of two. Only a page past the end has no row to carry it.
  const rows = await db
    .select({ ...documentColumns, total: sql<number>`(count(*) over ())::int` })
    .from(transaction_documents)
    .leftJoin(users, eq(users.id, transaction_documents.partage_par_id))
    .where(where)
    .orderBy(desc(transaction_documents.date_partage), desc(transaction_documents.id))
    .offset(query.skip)
    .limit(query.limit);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.skip > 0) {
    const [count] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(transaction_documents)
      .where(where);
    total = count?.total ?? 0;
  }
  return { items: rows.map(({ total: _, ...row }) => toDocument(row)), total };
}

export async function insertDocument(db: Db, values: NewDocumentRow): Promise<DocumentRow> {
  const [row] = await db.insert(transaction_documents).values(values).returning();
  return row!;
}

/** Clears `nouveau` once; true when this call was the client's first opening. */
export async function markOpened(db: Db, documentId: number): Promise<boolean> {
  const rows = await db
    .update(transaction_documents)
    .set({ nouveau: false })
    .where(and(eq(transaction_documents.id, documentId), eq(transaction_documents.nouveau, true)))
    .returning({ id: transaction_documents.id });
  return rows.length > 0;
}

export async function deleteDocument(db: Db, documentId: number): Promise<void> {
  await db.delete(transaction_documents).where(eq(transaction_documents.id, documentId));
}
