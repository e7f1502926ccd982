import type { Invitation, StatutInvitation, StatutTransaction, TypeProjet } from "@portail/shared";
import { stringify } from "csv-stringify/sync";
import { quebecDateTime, todayInQuebec } from "../../lib/quebec-time.ts";

// The clients list as a spreadsheet for the broker, in French like the rest of the product.

const TYPE_PROJET: Record<TypeProjet, string> = {
  achat: "Achat",
  vente: "Vente",
  location: "Location",
};
const STATUT: Record<StatutInvitation, string> = {
  invite: "Invité",
  actif: "Actif",
  inactif: "Inactif",
};
const STATUT_TRANSACTION: Record<StatutTransaction, string> = {
  recherche: "Recherche",
  offre: "Offre",
  inspection: "Inspection",
  financement: "Financement",
  notaire: "Notaire",
  complete: "Complétée",
  annulee: "Annulée",
};

const when = (value: string | null) => (value ? quebecDateTime(new Date(value)) : "");

const COLUMNS: [header: string, value: (row: Invitation) => string | number][] = [
  ["Prénom", (r) => r.prenom],
  ["Nom", (r) => r.nom],
  ["Courriel", (r) => r.email],
  ["Téléphone", (r) => r.telephone ?? ""],
  ["Type de projet", (r) => TYPE_PROJET[r.type_projet]],
  ["Statut", (r) => STATUT[r.statut]],
  ["Date d’invitation", (r) => when(r.date_invitation)],
  ["Date d’activation", (r) => when(r.date_activation)],
  ["Dernière connexion", (r) => when(r.derniere_connexion)],
  ["Progression (%)", (r) => r.activite.progression ?? ""],
  [
    "Étape de la transaction",
    (r) => (r.activite.transaction_statut ? STATUT_TRANSACTION[r.activite.transaction_statut] : ""),
  ],
  ["Documents", (r) => r.activite.documents],
  ["Messages non lus", (r) => r.activite.messages_non_lus],
  ["Tâches complétées", (r) => r.activite.taches_completees],
  ["Tâches au total", (r) => r.activite.taches_total],
];

/**
 * UTF-8 with a byte order mark, `;`-separated, CRLF line ends. Excel decides the encoding from
 * the BOM (without it, « Côté » arrives as « CÃ´tÃ© ») and, on a double-click, splits fields on
 * the list separator of the Windows region: fr-CA uses `;` because `,` is its decimal mark, so a
 * comma-separated file opens there as one column. A `sep=;` line would also work but makes Excel
 * ignore the BOM, so it is not used.
 *
 * Anything a spreadsheet could run as a formula (a cell starting with = + - @, tab or CR) is
 * prefixed with an apostrophe (OWASP « CSV injection »): names and messages are typed by
 * clients and brokers, never trusted.
 */
export function invitationsCsv(rows: Invitation[]): string {
  return stringify(
    rows.map((row) => COLUMNS.map(([, value]) => value(row))),
    {
      bom: true,
      delimiter: ";",
      record_delimiter: "windows",
      header: true,
      columns: COLUMNS.map(([header], index) => ({ key: String(index), header })),
      escape_formulas: true,
    },
  );
}

export const exportFilename = (at: Date = new Date()) => `clients-${todayInQuebec(at)}.csv`;
