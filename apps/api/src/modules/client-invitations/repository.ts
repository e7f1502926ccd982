import type {
  Invitation,
  InvitationFilterQuery,
  InvitationStats,
  StatutTransaction,
} from "@portail/shared";
import { and, desc, eq, like, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  client_invitations,
  portail_transactions,
  transaction_documents,
  transaction_messages,
  transaction_taches,
} from "../../db/schema.ts";
import { likePattern, normalizeForSearch } from "../../lib/search.ts";
import type { Actor } from "../../types.ts";

export type InvitationRow = typeof client_invitations.$inferSelect;
type Filters = Pick<InvitationFilterQuery, "statut" | "type_projet" | "q">;
type Sort = NonNullable<InvitationFilterQuery["sort"]>;

// Lower-case without the accents of French (and a few neighbours), for sorting by name the way
// a person reads a list: PGlite has no unaccent extension and the default collation is "C".
const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyy";
const sortable = (column: SQLWrapper) => sql`translate(lower(${column}), ${ACCENTED}, ${PLAIN})`;

/** The broker's filters, as one condition on client_invitations (undefined: no filter). */
function filterCondition(filters: Filters): SQL | undefined {
  const query = filters.q ? normalizeForSearch(filters.q) : "";
  return and(
    filters.statut ? eq(client_invitations.statut, filters.statut) : undefined,
    filters.type_projet ? eq(client_invitations.type_projet, filters.type_projet) : undefined,
    query ? like(client_invitations.recherche, likePattern(query)) : undefined,
  );
}

/**
 * Every invitation row with its client's activity, in ONE statement whatever the number of
 * rows: a lateral join picks the current transaction (the latest one still open, else the
 * latest), and scalar subqueries count its documents, unread messages and tasks. PostgreSQL
 * evaluates those subqueries after ORDER BY … LIMIT, so a page counts only its own rows, not
 * every client of the broker. The caller adds the scope.
 */
function selectWithActivity(db: Db, page?: PageOfInvitations) {
  const current = db
    .select({
      id: portail_transactions.id,
      progression: portail_transactions.progression,
      statut: portail_transactions.statut,
    })
    .from(portail_transactions)
    .where(eq(portail_transactions.client_invitation_id, client_invitations.id))
    .orderBy(
      sql`${portail_transactions.statut} in ('complete', 'annulee')`,
      desc(portail_transactions.created_at),
      desc(portail_transactions.id),
    )
    .limit(1)
    .as("current_tx");
  const d = transaction_documents;
  const m = transaction_messages;
  const k = transaction_taches;
  const documents = sql<number>`(select count(*)::int from ${d} where ${d.transaction_id} = ${current.id})`;
  // Unread for the broker: written by the other party of the thread and not read yet.
  const unread = sql<number>`(select count(*)::int from ${m} where ${m.transaction_id} = ${current.id}
    and ${m.lu} = false and ${m.expediteur_id} <> ${client_invitations.courtier_id})`;
  const tasksDone = sql<number>`(select count(*)::int from ${k}
    where ${k.transaction_id} = ${current.id} and ${k.completee})`;
  const tasksTotal = sql<number>`(select count(*)::int from ${k} where ${k.transaction_id} = ${current.id})`;

  const query = db
    .select({
      invitation: client_invitations,
      transaction_id: current.id,
      progression: current.progression,
      transaction_statut: current.statut,
      documents,
      messages_non_lus: unread,
      taches_completees: tasksDone,
      taches_total: tasksTotal,
    })
    // A page subquery takes the table's name (see listInvitations): the columns above read it.
    .from(page ?? client_invitations)
    .leftJoinLateral(current, sql`true`)
    .$dynamic();
  return { query, current };
}

/** A page of the broker's invitations, as a subquery named like the table (listInvitations). */
type PageOfInvitations = ReturnType<typeof pageOfInvitations>;
const pageOfInvitations = (
  db: Db,
  where: SQL | undefined,
  order: SQL[],
  skip?: number,
  limit?: number,
) => {
  let page = db
    .select()
    .from(client_invitations)
    .where(where)
    .orderBy(...order)
    .$dynamic();
  if (limit !== undefined) page = page.limit(limit);
  if (skip) page = page.offset(skip);
  return page.as("client_invitations");
};

type ActivityRow = {
  invitation: InvitationRow;
  transaction_id: number | null;
  progression: number | null;
  transaction_statut: StatutTransaction | null;
  documents: number | null;
  messages_non_lus: number | null;
  taches_completees: number | null;
  taches_total: number | null;
};

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** The response shape; the token hash and the search column never leave the module. */
export function toInvitation(row: ActivityRow): Invitation {
  const { invitation: i } = row;
  return {
    id: i.id,
    courtier_id: i.courtier_id,
    prenom: i.prenom,
    nom: i.nom,
    email: i.email,
    telephone: i.telephone,
    type_projet: i.type_projet,
    statut: i.statut,
    locale: i.locale,
    message_personnalise: i.message_personnalise,
    acces_documents: i.acces_documents,
    acces_messagerie: i.acces_messagerie,
    acces_taches: i.acces_taches,
    acces_calendrier: i.acces_calendrier,
    acces_proprietes: i.acces_proprietes,
    date_invitation: i.date_invitation.toISOString(),
    expires_at: i.statut === "invite" ? iso(i.token_expires_at) : null,
    date_activation: iso(i.date_activation),
    derniere_connexion: iso(i.derniere_connexion),
    transaction_id: row.transaction_id,
    activite: {
      progression: row.progression,
      transaction_statut: row.transaction_statut,
      documents: row.documents ?? 0,
      messages_non_lus: row.messages_non_lus ?? 0,
      taches_completees: row.taches_completees ?? 0,
      taches_total: row.taches_total ?? 0,
    },
    created_at: i.created_at.toISOString(),
    updated_at: i.updated_at.toISOString(),
  };
}

const DEFAULT_ORDER: Record<Sort, "asc" | "desc"> = {
  date_invitation: "desc",
  nom: "asc",
  statut: "asc",
  progression: "desc",
  derniere_connexion: "desc",
};

/** The broker's invitations with activity, filtered, sorted and paged: one statement. */
export async function listInvitations(
  db: Db,
  actor: Actor,
  options: Filters & { sort?: Sort; order?: "asc" | "desc"; skip?: number; limit?: number },
): Promise<Invitation[]> {
  const sort = options.sort ?? "date_invitation";
  // Both words come from whitelisted enums, so they may be raw SQL.
  const direction = sql.raw(options.order ?? DEFAULT_ORDER[sort]);
  // Nulls (never connected, no transaction) last in both directions: they are the least useful.
  const by = (expr: SQLWrapper, nulls = "") => sql`${expr} ${direction}${sql.raw(nulls)}`;
  const where = and(eq(client_invitations.courtier_id, actor.id), filterCondition(options));

  if (sort !== "progression") {
    // The page first, then its activity: the current transaction is picked for the page's rows
    // only, not for every client of the broker. The subquery is named client_invitations, so
    // the order below (and every column of selectWithActivity) reads the page's rows.
    const order: SQL[] = [
      ...{
        date_invitation: [by(client_invitations.date_invitation)],
        nom: [by(sortable(client_invitations.nom)), by(sortable(client_invitations.prenom))],
        statut: [by(client_invitations.statut)],
        derniere_connexion: [by(client_invitations.derniere_connexion, " nulls last")],
      }[sort],
      by(client_invitations.id),
    ];
    const page = pageOfInvitations(db, where, order, options.skip, options.limit);
    const { query } = selectWithActivity(db, page);
    return (await query.orderBy(...order)).map(toInvitation);
  }

  // By progression: every invitation's current transaction is needed to sort.
  const { query, current } = selectWithActivity(db);
  let statement = query
    .where(where)
    .orderBy(by(current.progression, " nulls last"), by(client_invitations.id));
  if (options.limit !== undefined) statement = statement.limit(options.limit);
  if (options.skip) statement = statement.offset(options.skip);
  return (await statement).map(toInvitation);
}

/**
 * The filtered total and the stats cards (every invitation of the broker, whatever the
 * filters) in one aggregate over the broker's rows.
 */
export async function countInvitations(
  db: Db,
  actor: Actor,
  filters: Filters,
): Promise<{ total: number; stats: InvitationStats }> {
  const filter = filterCondition(filters);
  const byStatut = (statut: InvitationRow["statut"]) =>
    sql<number>`count(*) filter (where ${client_invitations.statut} = ${statut})::int`;
  const [row] = await db
    .select({
      total: filter
        ? sql<number>`count(*) filter (where ${filter})::int`
        : sql<number>`count(*)::int`,
      all: sql<number>`count(*)::int`,
      invites: byStatut("invite"),
      actifs: byStatut("actif"),
      inactifs: byStatut("inactif"),
    })
    .from(client_invitations)
    .where(eq(client_invitations.courtier_id, actor.id));
  return {
    total: row?.total ?? 0,
    stats: {
      total: row?.all ?? 0,
      invites: row?.invites ?? 0,
      actifs: row?.actifs ?? 0,
      inactifs: row?.inactifs ?? 0,
    },
  };
}

/** One of the broker's invitations with its activity; null when absent or another broker's. */
export async function findInvitation(db: Db, actor: Actor, id: number): Promise<Invitation | null> {
  const { query } = selectWithActivity(db);
  const [row] = await query
    .where(and(eq(client_invitations.id, id), eq(client_invitations.courtier_id, actor.id)))
    .limit(1);
  return row ? toInvitation(row) : null;
}
