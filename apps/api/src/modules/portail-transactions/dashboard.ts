import { type ClientDashboard, DASHBOARD_LIST_SIZE } from "@portail/shared";
import { and, asc, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  client_invitations,
  portail_transactions,
  transaction_documents,
  transaction_etapes,
  transaction_messages,
  transaction_taches,
  users,
} from "../../db/schema.ts";
import { notFound } from "../../lib/errors.ts";
import { todayInQuebec } from "../../lib/quebec-time.ts";
import type { Actor } from "../../types.ts";
import { accessFlagColumns } from "./access.ts";
import { type DashboardParts, dashboardParts } from "./policy.ts";
import { findTransactionDetail } from "./repository.ts";

// The client dashboard in a fixed number of queries whatever the amount of data: two to find
// the client's context and transactions, then one per part (detail, stats, étapes, documents,
// messages, tâches) run together. A part the access flags hide is not even queried.

type Summary = ClientDashboard["transactions"][number];

/** The current transaction: the latest neither complete nor annulee, else the latest. */
export function pickCurrentTransaction<T extends Pick<Summary, "statut">>(
  newestFirst: T[],
): T | undefined {
  return (
    newestFirst.find((t) => t.statut !== "complete" && t.statut !== "annulee") ?? newestFirst[0]
  );
}

async function loadClientContext(db: Db, invitationId: number) {
  const [row] = await db
    .select({
      flags: accessFlagColumns,
      courtier: {
        id: users.id,
        first_name: users.first_name,
        last_name: users.last_name,
        email: users.email,
        telephone: users.telephone,
      },
    })
    .from(client_invitations)
    .innerJoin(users, eq(users.id, client_invitations.courtier_id))
    .where(eq(client_invitations.id, invitationId))
    .limit(1);
  return row ?? null;
}

async function listClientTransactions(db: Db, invitationId: number): Promise<Summary[]> {
  const rows = await db
    .select({
      id: portail_transactions.id,
      type: portail_transactions.type,
      statut: portail_transactions.statut,
      progression: portail_transactions.progression,
      adresse: portail_transactions.adresse,
      date_debut: portail_transactions.date_debut,
      created_at: portail_transactions.created_at,
    })
    .from(portail_transactions)
    .where(eq(portail_transactions.client_invitation_id, invitationId))
    .orderBy(desc(portail_transactions.created_at), desc(portail_transactions.id));
  return rows.map((row) => ({ ...row, created_at: row.created_at.toISOString() }));
}

const countWhere = (table: SQL, condition: SQL) =>
  sql<number>`(select count(*)::int from ${table} where ${condition})`;

async function loadStats(
  db: Db,
  transactionId: number,
  readerId: number,
  parts: DashboardParts,
  today: string,
): Promise<ClientDashboard["stats"]> {
  const d = transaction_documents;
  const m = transaction_messages;
  const k = transaction_taches;
  const e = transaction_etapes;
  const none = sql<null>`null`;
  const [row] = await db
    .select({
      documents: parts.documents
        ? countWhere(sql`${d}`, sql`${d.transaction_id} = ${transactionId}`)
        : none,
      documents_nouveaux: parts.documents
        ? countWhere(sql`${d}`, sql`${d.transaction_id} = ${transactionId} and ${d.nouveau}`)
        : none,
      unread_messages: parts.messages
        ? countWhere(
            sql`${m}`,
            sql`${m.transaction_id} = ${transactionId} and not ${m.lu} and ${m.expediteur_id} <> ${readerId}`,
          )
        : none,
      open_tasks: parts.taches
        ? countWhere(sql`${k}`, sql`${k.transaction_id} = ${transactionId} and not ${k.completee}`)
        : none,
      overdue_tasks: parts.taches
        ? countWhere(
            sql`${k}`,
            sql`${k.transaction_id} = ${transactionId} and not ${k.completee} and ${k.echeance} < ${today}::date`,
          )
        : none,
      upcoming_etapes: countWhere(
        sql`${e}`,
        sql`${e.transaction_id} = ${transactionId} and ${e.statut} <> 'complete'`,
      ),
    })
    .from(sql`(select 1) as one`);
  return row!;
}

async function nextEtapes(db: Db, transactionId: number) {
  const e = transaction_etapes;
  const rows = await db
    .select({
      id: e.id,
      titre: e.titre,
      description: e.description,
      ordre: e.ordre,
      statut: e.statut,
      date_planifiee: e.date_planifiee,
      heure_planifiee: e.heure_planifiee,
    })
    .from(e)
    .where(and(eq(e.transaction_id, transactionId), ne(e.statut, "complete")))
    .orderBy(asc(e.ordre), asc(e.id))
    .limit(DASHBOARD_LIST_SIZE);
  return rows.map((row) => ({ ...row, heure_planifiee: row.heure_planifiee?.slice(0, 5) ?? null }));
}

async function recentDocuments(db: Db, transactionId: number) {
  const d = transaction_documents;
  const rows = await db
    .select({
      id: d.id,
      nom: d.nom,
      type: d.type,
      categorie: d.categorie,
      taille: d.taille,
      mime_type: d.mime_type,
      date_partage: d.date_partage,
      nouveau: d.nouveau,
      first_name: users.first_name,
      last_name: users.last_name,
    })
    .from(d)
    .leftJoin(users, eq(users.id, d.partage_par_id))
    .where(eq(d.transaction_id, transactionId))
    .orderBy(desc(d.date_partage), desc(d.id))
    .limit(DASHBOARD_LIST_SIZE);
  return rows.map(({ first_name, last_name, ...row }) => ({
    ...row,
    date_partage: row.date_partage.toISOString(),
    partage_par: first_name !== null && last_name !== null ? { first_name, last_name } : null,
  }));
}

async function recentMessages(db: Db, transactionId: number) {
  const m = transaction_messages;
  const rows = await db
    .select({
      id: m.id,
      message: m.message,
      date_envoi: m.date_envoi,
      lu: m.lu,
      expediteur: {
        id: users.id,
        first_name: users.first_name,
        last_name: users.last_name,
        role: users.role,
      },
    })
    .from(m)
    .innerJoin(users, eq(users.id, m.expediteur_id))
    .where(eq(m.transaction_id, transactionId))
    .orderBy(desc(m.date_envoi), desc(m.id))
    .limit(DASHBOARD_LIST_SIZE);
  return rows.map((row) => ({ ...row, date_envoi: row.date_envoi.toISOString() }));
}

async function openTaches(db: Db, transactionId: number, today: string) {
  const k = transaction_taches;
  return db
    .select({
      id: k.id,
      titre: k.titre,
      description: k.description,
      priorite: k.priorite,
      categorie: k.categorie,
      echeance: k.echeance,
      en_retard: sql<boolean>`coalesce(${k.echeance} < ${today}::date, false)`,
    })
    .from(k)
    .where(and(eq(k.transaction_id, transactionId), eq(k.completee, false)))
    .orderBy(sql`${k.echeance} asc nulls last`, asc(k.id))
    .limit(DASHBOARD_LIST_SIZE);
}

const skipped = async () => null;

/**
 * Everything the client dashboard shows, for the client's current transaction or the one
 * asked for (404 unless it is theirs). A client whose broker has not opened a transaction yet
 * gets `transaction: null` with empty parts, not an error: the web shows « no transaction yet ».
 */
export async function clientDashboard({
  db,
  actor,
  transactionId,
  today = todayInQuebec(),
}: {
  db: Db;
  actor: Actor;
  transactionId?: number;
  today?: string;
}): Promise<ClientDashboard> {
  const invitationId = actor.client_invitation_id;
  if (actor.role !== "client" || invitationId === null) throw notFound("Transaction");
  const [context, transactions] = await Promise.all([
    loadClientContext(db, invitationId),
    listClientTransactions(db, invitationId),
  ]);
  if (!context) throw notFound("Transaction");
  const selected =
    transactionId === undefined
      ? pickCurrentTransaction(transactions)
      : transactions.find((t) => t.id === transactionId);
  if (transactionId !== undefined && !selected) throw notFound("Transaction");

  const parts = dashboardParts(actor, context.flags);
  const base = { transactions, courtier: context.courtier, acces: context.flags };
  if (!selected) {
    return {
      ...base,
      transaction: null,
      stats: {
        documents: parts.documents ? 0 : null,
        documents_nouveaux: parts.documents ? 0 : null,
        unread_messages: parts.messages ? 0 : null,
        open_tasks: parts.taches ? 0 : null,
        overdue_tasks: parts.taches ? 0 : null,
        upcoming_etapes: 0,
      },
      prochaines_etapes: [],
      documents_recents: parts.documents ? [] : null,
      messages_recents: parts.messages ? [] : null,
      taches_ouvertes: parts.taches ? [] : null,
    };
  }

  const id = selected.id;
  const [transaction, stats, etapes, documents, messages, taches] = await Promise.all([
    findTransactionDetail(db, actor, id),
    loadStats(db, id, actor.id, parts, today),
    nextEtapes(db, id),
    parts.documents ? recentDocuments(db, id) : skipped(),
    parts.messages ? recentMessages(db, id) : skipped(),
    parts.taches ? openTaches(db, id, today) : skipped(),
  ]);
  if (!transaction) throw notFound("Transaction");
  return {
    ...base,
    transaction,
    stats,
    prochaines_etapes: etapes,
    documents_recents: documents,
    messages_recents: messages,
    taches_ouvertes: taches,
  };
}
