import type { Invitation, InvitationPage } from "@portail/shared";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithIntl } from "../../../../../../../test/render";
import { parseListParams } from "./_lib/list-query";
import { ClientsResults } from "./ClientsResults";

const base: Invitation = {
  id: 4,
  courtier_id: 1,
  prenom: "Sophie",
  nom: "Tremblay",
  email: "sophie.tremblay@example.com",
  telephone: "514-555-0142",
  type_projet: "achat",
  statut: "actif",
  locale: "fr",
  message_personnalise: null,
  acces_documents: true,
  acces_messagerie: true,
  acces_taches: true,
  acces_calendrier: true,
  acces_proprietes: true,
  date_invitation: "2026-10-05T14:00:00.000Z",
  expires_at: null,
  date_activation: "2026-10-06T14:00:00.000Z",
  derniere_connexion: "2026-11-23T20:15:00.000Z",
  transaction_id: 12,
  activite: {
    progression: 65,
    transaction_statut: "financement",
    documents: 4,
    messages_non_lus: 1,
    taches_completees: 2,
    taches_total: 6,
  },
  created_at: "2026-10-05T14:00:00.000Z",
  updated_at: "2026-11-23T20:15:00.000Z",
};

const invited: Invitation = {
  ...base,
  id: 7,
  prenom: "Isabelle",
  nom: "Roy",
  email: "isabelle.roy@example.org",
  telephone: null,
  type_projet: "location",
  statut: "invite",
  date_activation: null,
  derniere_connexion: null,
  activite: {
    progression: 0,
    transaction_statut: "recherche",
    documents: 0,
    messages_non_lus: 0,
    taches_completees: 0,
    taches_total: 0,
  },
};

const pageOf = (items: Invitation[], total = items.length, statsTotal = total): InvitationPage => ({
  items,
  total,
  skip: 0,
  limit: 20,
  stats: { total: statsTotal, invites: 1, actifs: statsTotal - 1, inactifs: 0 },
});

describe("ClientsResults", () => {
  it("shows one row per client with contact, project, statut and progression", () => {
    renderWithIntl(<ClientsResults page={pageOf([base, invited])} params={parseListParams({})} />);
    const table = screen.getByRole("table", { name: "Vos clients" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);

    const sophie = rows[1]!;
    expect(within(sophie).getByRole("link", { name: "Sophie Tremblay" })).toHaveAttribute(
      "href",
      "/fr/dashboard/portail-client/courtier/clients/4",
    );
    expect(sophie).toHaveTextContent("Invité le 5 oct. 2026");
    expect(
      within(sophie).getByRole("link", { name: /sophie.tremblay@example.com/ }),
    ).toHaveAttribute("href", "mailto:sophie.tremblay@example.com");
    expect(sophie).toHaveTextContent("Achat");
    expect(sophie).toHaveTextContent("Actif");
    expect(within(sophie).getByRole("progressbar", { name: "Progression : 65 %" })).toHaveAttribute(
      "aria-valuenow",
      "65",
    );
    expect(
      within(sophie).getByRole("link", { name: "Voir détails — Sophie Tremblay" }),
    ).toBeVisible();

    const isabelle = rows[2]!;
    expect(isabelle).toHaveTextContent("Invité");
    expect(isabelle).toHaveTextContent("Location");
    expect(isabelle).toHaveTextContent("Jamais");
  });

  it("sums up each client's activity, linking unread messages to the thread", () => {
    renderWithIntl(<ClientsResults page={pageOf([base, invited])} params={parseListParams({})} />);
    const [sophie, isabelle] = within(screen.getByRole("table"))
      .getAllByRole("list", { name: "Activité" })
      .map((list) =>
        within(list)
          .getAllByRole("listitem")
          .map((item) => item.textContent),
      );
    expect(sophie).toEqual(["4 documents", "1 message non lu", "2 sur 6 tâches terminées"]);
    expect(isabelle).toEqual(["Aucun document", "Aucun message non lu", "Aucune tâche"]);
    const unread = within(screen.getByRole("table")).getByRole("link", {
      name: "1 message non lu",
    });
    expect(unread).toHaveAttribute(
      "href",
      "/fr/dashboard/portail-client/courtier/clients/4?onglet=messages",
    );
  });

  it("marks the sorted column and flips its direction on the next click", () => {
    renderWithIntl(
      <ClientsResults
        page={pageOf([base])}
        params={parseListParams({ sort: "nom-asc", q: "so" })}
      />,
    );
    const header = screen.getByRole("columnheader", { name: /Client/ });
    expect(header).toHaveAttribute("aria-sort", "ascending");
    expect(within(header).getByRole("link")).toHaveAttribute(
      "href",
      "/fr/dashboard/portail-client/courtier/clients?q=so&sort=nom-desc",
    );
  });

  it("invites to invite when the broker has no client yet", () => {
    renderWithIntl(<ClientsResults page={pageOf([], 0, 0)} params={parseListParams({})} />);
    expect(screen.getByRole("heading", { name: "Aucun client pour l’instant" })).toBeVisible();
    expect(screen.getByRole("link", { name: "Inviter un client" })).toHaveAttribute(
      "href",
      "/fr/dashboard/portail-client/courtier/clients/inviter",
    );
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("offers to clear the filters when nothing matches, keeping the sort", () => {
    renderWithIntl(
      <ClientsResults
        page={pageOf([], 0, 6)}
        params={parseListParams({ q: "zzz", statut: "inactif", sort: "nom-asc" })}
      />,
      "en",
    );
    expect(screen.getByRole("heading", { name: "No clients match your search" })).toBeVisible();
    expect(screen.getByRole("link", { name: "Clear filters" })).toHaveAttribute(
      "href",
      "/en/dashboard/portail-client/courtier/clients?sort=nom-asc",
    );
  });

  it("speaks English under the en locale", () => {
    renderWithIntl(<ClientsResults page={pageOf([base])} params={parseListParams({})} />, "en");
    const row = within(screen.getByRole("table")).getAllByRole("row")[1]!;
    expect(row).toHaveTextContent("Invited Oct 5, 2026");
    expect(row).toHaveTextContent("Purchase");
    expect(row).toHaveTextContent("2 of 6 tasks done");
    expect(within(row).getByRole("link", { name: "View details — Sophie Tremblay" })).toBeVisible();
  });
});
