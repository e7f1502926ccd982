import { type ClientDashboard, DASHBOARD_LIST_SIZE, type Transaction } from "@portail/shared";
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.ts";
import { notFound } from "../../lib/errors.ts";
import type { AccessFlags } from "../../lib/policy.ts";
import { todayInQuebec } from "../../lib/quebec-time.ts";
import type { Actor } from "../../types.ts";
import { withCalendarAccess } from "../transaction-etapes/policy.ts";
import { dashboardParts, withPropertyAccess } from "./policy.ts";

// The client dashboard in one statement whatever the amount of data (see dashboardQuery).

type Summary = ClientDashboard["transactions"][number];

/** The current transaction: the latest neither complete nor annulee, else the latest. */
export function pickCurrentTransaction<T extends Pick<Summary, "statut">>(
  newestFirst: T[],
): T | undefined {
  return (
    newestFirst.find((t) => t.statut !== "complete" && t.statut !== "annulee") ?? newestFirst[0]
  );
}

/** A timestamptz as JavaScript's toISOString() writes it (UTC, milliseconds truncated like pg's parser). */
const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface DashboardRow {
  context: { flags: AccessFlags; courtier: ClientDashboard["courtier"] };
  transactions: Summary[];
  transaction: Transaction | null;
  stats: ClientDashboard["stats"];
  prochaines_etapes: ClientDashboard["prochaines_etapes"];
  documents_recents: NonNullable<ClientDashboard["documents_recents"]> | null;
  messages_recents: NonNullable<ClientDashboard["messages_recents"]> | null;
  taches_ouvertes: NonNullable<ClientDashboard["taches_ouvertes"]> | null;
}

/**
 * The whole dashboard in one statement: each statement costs a round trip, its planning and
 * Drizzle's SQL building, which is what a request spends its time on (bench/results); the pool
 * runs it as a prepared statement, so it is planned once per connection (db/client.ts). The
 * selected transaction is picked in SQL (`sel`), and a part the access flags hide is not even
 * computed (`case when`); the policy in TypeScript still decides what is returned.
 */
function dashboardQuery(
  invitationId: number,
  readerId: number,
  transactionId: number | undefined,
  today: string,
) {
  const selection =
    transactionId === undefined
      ? // The current one: the latest neither complete nor annulee, else the latest.
        sql`order by txs.statut in ('complete', 'annulee'), txs.created_at desc, txs.id desc`
      : sql`where txs.id = ${transactionId}`;
  return sql`
    with ctx as (
      select ci.acces_documents, ci.acces_messagerie, ci.acces_taches, ci.acces_calendrier,
             ci.acces_proprietes, u.id as courtier_id, u.first_name, u.last_name, u.email, u.telephone
      from client_invitations ci
      join users u on u.id = ci.courtier_id
      where ci.id = ${invitationId}
    ),
    txs as (
      select t.id, t.type, t.statut, t.progression, t.adresse, t.date_debut, t.created_at
      from portail_transactions t
      where t.client_invitation_id = ${invitationId}
    ),
    sel as (select txs.id from txs ${selection} limit 1)
    select
      json_build_object(
        'flags', json_build_object(
          'acces_documents', ctx.acces_documents, 'acces_messagerie', ctx.acces_messagerie,
          'acces_taches', ctx.acces_taches, 'acces_calendrier', ctx.acces_calendrier,
          'acces_proprietes', ctx.acces_proprietes),
        'courtier', json_build_object(
          'id', ctx.courtier_id, 'first_name', ctx.first_name, 'last_name', ctx.last_name,
          'email', ctx.email, 'telephone', ctx.telephone)
      ) as context,
      (select coalesce(json_agg(json_build_object(
          'id', txs.id, 'type', txs.type, 'statut', txs.statut, 'progression', txs.progression,
          'adresse', txs.adresse, 'date_debut', txs.date_debut, 'created_at', ${iso(sql`txs.created_at`)})
          order by txs.created_at desc, txs.id desc), '[]'::json)
       from txs) as transactions,
      (select json_build_object(
          'id', t.id, 'client_invitation_id', t.client_invitation_id, 'courtier_id', t.courtier_id,
          'type', t.type, 'statut', t.statut, 'progression', t.progression,
          'date_debut', t.date_debut, 'date_fin', t.date_fin, 'adresse', t.adresse, 'ville', t.ville,
          'prix_offert', t.prix_offert::text, 'prix_accepte', t.prix_accepte::text,
          'created_at', ${iso(sql`t.created_at`)}, 'updated_at', ${iso(sql`t.updated_at`)},
          'client', json_build_object(
            'invitation_id', ci.id, 'prenom', ci.prenom, 'nom', ci.nom, 'email', ci.email,
            'telephone', ci.telephone, 'statut', ci.statut),
          'courtier', json_build_object(
            'id', u.id, 'first_name', u.first_name, 'last_name', u.last_name, 'email', u.email,
            'telephone', u.telephone))
       from portail_transactions t
       join client_invitations ci on ci.id = t.client_invitation_id
       join users u on u.id = t.courtier_id
       where t.id = sel.id) as transaction,
      json_build_object(
        'documents', case when ctx.acces_documents then
          (select count(*)::int from transaction_documents d where d.transaction_id = sel.id) end,
        'documents_nouveaux', case when ctx.acces_documents then
          (select count(*)::int from transaction_documents d
           where d.transaction_id = sel.id and d.nouveau) end,
        'unread_messages', case when ctx.acces_messagerie then
          (select count(*)::int from transaction_messages m
           where m.transaction_id = sel.id and not m.lu and m.expediteur_id <> ${readerId}) end,
        'open_tasks', case when ctx.acces_taches then
          (select count(*)::int from transaction_taches k
           where k.transaction_id = sel.id and not k.completee) end,
        'overdue_tasks', case when ctx.acces_taches then
          (select count(*)::int from transaction_taches k
           where k.transaction_id = sel.id and not k.completee and k.echeance < ${today}::date) end,
        'upcoming_etapes',
          (select count(*)::int from transaction_etapes e
           where e.transaction_id = sel.id and e.statut <> 'complete')
      ) as stats,
      (select coalesce(json_agg(json_build_object(
          'id', e.id, 'titre', e.titre, 'description', e.description, 'ordre', e.ordre,
          'statut', e.statut, 'date_planifiee', e.date_planifiee,
          'heure_planifiee', to_char(e.heure_planifiee, 'HH24:MI'))
          order by e.ordre, e.id), '[]'::json)
       from (select * from transaction_etapes e
             where e.transaction_id = sel.id and e.statut <> 'complete'
             order by e.ordre, e.id limit ${DASHBOARD_LIST_SIZE}) e) as prochaines_etapes,
      case when ctx.acces_documents then
        (select coalesce(json_agg(json_build_object(
            'id', d.id, 'nom', d.nom, 'type', d.type, 'categorie', d.categorie, 'taille', d.taille,
            'mime_type', d.mime_type, 'date_partage', ${iso(sql`d.date_partage`)}, 'nouveau', d.nouveau,
            'partage_par', case when u.id is not null then
              json_build_object('first_name', u.first_name, 'last_name', u.last_name) end)
            order by d.date_partage desc, d.id desc), '[]'::json)
         from (select * from transaction_documents d where d.transaction_id = sel.id
               order by d.date_partage desc, d.id desc limit ${DASHBOARD_LIST_SIZE}) d
         left join users u on u.id = d.partage_par_id) end as documents_recents,
      case when ctx.acces_messagerie then
        (select coalesce(json_agg(json_build_object(
            'id', m.id, 'message', m.message, 'date_envoi', ${iso(sql`m.date_envoi`)}, 'lu', m.lu,
            'expediteur', json_build_object(
              'id', u.id, 'first_name', u.first_name, 'last_name', u.last_name, 'role', u.role))
            order by m.date_envoi desc, m.id desc), '[]'::json)
         from (select * from transaction_messages m where m.transaction_id = sel.id
               order by m.date_envoi desc, m.id desc limit ${DASHBOARD_LIST_SIZE}) m
         join users u on u.id = m.expediteur_id) end as messages_recents,
      case when ctx.acces_taches then
        (select coalesce(json_agg(json_build_object(
            'id', k.id, 'titre', k.titre, 'description', k.description, 'priorite', k.priorite,
            'categorie', k.categorie, 'echeance', k.echeance,
            'en_retard', coalesce(k.echeance < ${today}::date, false))
            order by k.echeance asc nulls last, k.id), '[]'::json)
         from (select * from transaction_taches k
               where k.transaction_id = sel.id and not k.completee
               order by k.echeance asc nulls last, k.id limit ${DASHBOARD_LIST_SIZE}) k) end
        as taches_ouvertes
    from ctx
    left join sel on true`;
}

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
  const [row] = rowsOf<DashboardRow>(
    await db.execute(dashboardQuery(invitationId, actor.id, transactionId, today)),
  );
  if (!row) throw notFound("Transaction");
  if (transactionId !== undefined && !row.transaction) throw notFound("Transaction");

  const { flags } = row.context;
  const parts = dashboardParts(actor, flags);
  const allowed = <T>(part: boolean, value: T) => (part ? value : null);
  return {
    transaction: row.transaction && withPropertyAccess(actor, flags, row.transaction),
    transactions: row.transactions.map((summary) => withPropertyAccess(actor, flags, summary)),
    courtier: row.context.courtier,
    acces: flags,
    stats: {
      ...row.stats,
      documents: allowed(parts.documents, row.stats.documents),
      documents_nouveaux: allowed(parts.documents, row.stats.documents_nouveaux),
      unread_messages: allowed(parts.messages, row.stats.unread_messages),
      open_tasks: allowed(parts.taches, row.stats.open_tasks),
      overdue_tasks: allowed(parts.taches, row.stats.overdue_tasks),
    },
    prochaines_etapes: row.prochaines_etapes.map((etape) =>
      withCalendarAccess(actor, flags, etape),
    ),
    documents_recents: allowed(parts.documents, row.documents_recents),
    messages_recents: allowed(parts.messages, row.messages_recents),
    taches_ouvertes: allowed(parts.taches, row.taches_ouvertes),
  };
}
