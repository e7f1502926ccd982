import type { AccessFlagsBody } from "@portail/shared";
import { screen } from "@testing-library/react";
import type { ComponentProps } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithIntl } from "../../../test/render";
import { PortailClientNavigation } from "./PortailClientNavigation";

vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams("transaction_id=7"),
}));
// vi.mock factories run before the module body: the current path lives in a hoisted box.
const current = vi.hoisted(() => ({ pathname: "/dashboard/portail-client/client/messages" }));
vi.mock("@/i18n/navigation", () => ({
  Link: ({ href, ...props }: ComponentProps<"a"> & { href: string }) => (
    <a href={href} {...props} />
  ),
  usePathname: () => current.pathname,
}));

const ALL: AccessFlagsBody = {
  acces_documents: true,
  acces_messagerie: true,
  acces_taches: true,
  acces_calendrier: true,
  acces_proprietes: true,
};

describe("PortailClientNavigation", () => {
  it("lists the four modules, marks the current one and counts unread messages", () => {
    renderWithIntl(<PortailClientNavigation acces={ALL} unreadMessages={3} />);
    const nav = screen.getByRole("navigation", { name: "Menu du portail" });
    const links = screen.getAllByRole("link");
    expect(nav).toContainElement(links[0] as HTMLElement);
    expect(links.map((link) => link.textContent)).toEqual([
      "Tableau de bord",
      "Documents",
      "Messagerie3 non lus",
      "Tâches",
    ]);
    expect(screen.getByRole("link", { name: "Messagerie 3 non lus" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    // The transaction the client chose follows them from page to page.
    expect(screen.getByRole("link", { name: "Documents" })).toHaveAttribute(
      "href",
      "/dashboard/portail-client/client/documents?transaction_id=7",
    );
  });

  it("hides each module whose access flag is off, and highlights nothing on its URL", () => {
    current.pathname = "/dashboard/portail-client/client/documents";
    renderWithIntl(
      <PortailClientNavigation acces={{ ...ALL, acces_documents: false, acces_taches: false }} />,
      "en",
    );
    expect(screen.getAllByRole("link").map((link) => link.textContent)).toEqual([
      "Dashboard",
      "Messages",
    ]);
    expect(screen.queryByRole("link", { current: "page" })).not.toBeInTheDocument();
    current.pathname = "/dashboard/portail-client/client/messages";
  });

  it("shows only the dashboard when the flags could not be read", () => {
    renderWithIntl(<PortailClientNavigation acces={null} unreadMessages={2} />);
    expect(screen.getAllByRole("link").map((link) => link.textContent)).toEqual([
      "Tableau de bord",
    ]);
  });
});
