import type { CourtierTransactionsQuery, Transaction } from "@portail/shared";
import { and, asc, count, desc, eq, like, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.ts";
import { client_invitations, portail_transactions, users } from "../../db/schema.ts";
import { likePattern } from "../../lib/search.ts";
import type { Actor } from "../../types.ts";
import { accessFlagColumns, transactionScope } from "./access.ts";
import { withPropertyAccess } from "./policy.ts";

const t = portail_transactions;
const ci = client_invitations;

export type TransactionRow = typeof portail_transactions.$inferSelect;

/** Everything a transaction's response shows, from one query joining its client and broker. */
const detailColumns = {
  id: t.id,
  client_invitation_id: t.client_invitation_id,
  courtier_id: t.courtier_id,
  type: t.type,
  statut: t.statut,
  progression: t.progression,
  date_debut: t.date_debut,
  date_fin: t.date_fin,
  adresse: t.adresse,
  ville: t.ville,
  prix_offert: t.prix_offert,
  prix_accepte: t.prix_accepte,
  created_at: t.created_at,
  updated_at: t.updated_at,
  client: {
    invitation_id: ci.id,
    prenom: ci.prenom,
    nom: ci.nom,
    email: ci.email,
    telephone: ci.telephone,
    statut: ci.statut,
  },
  courtier: {
    id: users.id,
    first_name: users.first_name,
    last_name: users.last_name,
    email: users.email,
    telephone: users.telephone,
  },
};

const selectDetail = (db: Db) =>
  db
    .select(detailColumns)
    .from(t)
    .innerJoin(ci, eq(ci.id, t.client_invitation_id))
    .innerJoin(users, eq(users.id, t.courtier_id));

type DetailRow = Awaited<ReturnType<ReturnType<typeof selectDetail>["execute"]>>[number];

export function toTransaction(row: DetailRow): Transaction {
  return {
    ...row,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** The transaction's response if the actor is one of its parties; null otherwise (→ 404). */
export async function findTransactionDetail(
  db: Db,
  actor: Actor,
  id: number,
): Promise<Transaction | null> {
  const scope = transactionScope(actor);
  if (!scope) return null;
  const [row] = await db
    .select({ ...detailColumns, flags: accessFlagColumns })
    .from(t)
    .innerJoin(ci, eq(ci.id, t.client_invitation_id))
    .innerJoin(users, eq(users.id, t.courtier_id))
    .where(and(eq(t.id, id), scope))
    .limit(1);
  if (!row) return null;
  const { flags, ...detail } = row;
  return withPropertyAccess(actor, flags, toTransaction(detail));
}

/** The bare row, scoped to the actor like every load. */
export async function findTransactionRow(
  db: Db,
  actor: Actor,
  id: number,
): Promise<TransactionRow | null> {
  const scope = transactionScope(actor);
  if (!scope) return null;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.id, id), scope))
    .limit(1);
  return row ?? null;
}

// Accent folding done in SQL with translate(): works on PostgreSQL and PGlite alike, with
// any collation, without the unaccent extension. Covers the letters of French and English.
const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ";
const PLAIN = [...ACCENTED].map((c) => c.normalize("NFD")[0]).join("");
const folded = (column: AnyPgColumn) =>
  sql`lower(translate(coalesce(${column}, ''), ${ACCENTED}, ${PLAIN}))`;

const SORT_COLUMNS = {
  created_at: [t.created_at],
  updated_at: [t.updated_at],
  progression: [t.progression],
  date_debut: [t.date_debut],
  client: [ci.nom, ci.prenom],
  ville: [t.ville],
} satisfies Record<string, AnyPgColumn[]>;

function orderBy(sort: NonNullable<CourtierTransactionsQuery["sort"]>): SQL[] {
  const descending = sort.startsWith("-");
  const columns = SORT_COLUMNS[sort.replace(/^-/, "") as keyof typeof SORT_COLUMNS];
  // Empty values last in both directions; the id makes pages stable.
  return [
    ...columns.map((c) => (descending ? sql`${c} desc nulls last` : sql`${c} asc nulls last`)),
    descending ? desc(t.id) : asc(t.id),
  ];
}

export interface BrokerListQuery {
  statut?: TransactionRow["statut"];
  type?: TransactionRow["type"];
  client_invitation_id?: number;
  q?: string;
  sort: NonNullable<CourtierTransactionsQuery["sort"]>;
  skip: number;
  limit: number;
}

/** A broker's transactions, filtered, sorted and paginated, each with its client. */
export async function listBrokerTransactions(db: Db, brokerId: number, query: BrokerListQuery) {
  const conditions: (SQL | undefined)[] = [eq(t.courtier_id, brokerId)];
  if (query.statut) conditions.push(eq(t.statut, query.statut));
  if (query.type) conditions.push(eq(t.type, query.type));
  if (query.client_invitation_id) {
    conditions.push(eq(t.client_invitation_id, query.client_invitation_id));
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      or(
        like(ci.recherche, pattern),
        like(folded(t.ville), pattern),
        like(folded(t.adresse), pattern),
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectDetail(db)
      .where(where)
      .orderBy(...orderBy(query.sort))
      .limit(query.limit)
      .offset(query.skip),
    db
      .select({ count: count() })
      .from(t)
      .innerJoin(ci, eq(ci.id, t.client_invitation_id))
      .where(where),
  ]);
  return {
    items: rows.map(toTransaction),
    total: total?.count ?? 0,
    skip: query.skip,
    limit: query.limit,
  };
}
