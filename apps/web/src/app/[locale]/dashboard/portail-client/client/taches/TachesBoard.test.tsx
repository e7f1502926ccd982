import type { Tache } from "@portail/shared";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/Toast";
import { renderWithIntl } from "../../../../../../../test/render";
import { toggleTacheAction } from "../actions";
import { TachesBoard } from "./TachesBoard";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));
vi.mock("../actions", () => ({ toggleTacheAction: vi.fn() }));
const toggle = vi.mocked(toggleTacheAction);

const TODAY = "2026-03-10";

function tache(id: number, titre: string, patch: Partial<Tache> = {}): Tache {
  return {
    id,
    transaction_id: 12,
    titre,
    description: null,
    priorite: "moyenne",
    categorie: null,
    echeance: null,
    completee: false,
    date_completion: null,
    en_retard: false,
    cree_par: null,
    date_creation: "2026-03-01T14:00:00Z",
    updated_at: "2026-03-01T14:00:00Z",
    ...patch,
  };
}

const TACHES = [
  tache(1, "Fournir les talons de paie", { echeance: "2026-03-09", priorite: "haute" }),
  tache(2, "Signer l’offre", { echeance: "2026-03-13" }),
  tache(3, "Choisir une assurance", { echeance: "2026-03-14", priorite: "basse" }),
  tache(4, "Lettre de l’employeur", { completee: true, date_completion: "2026-03-05T15:00:00Z" }),
];

const render = () =>
  renderWithIntl(
    <ToastProvider>
      <TachesBoard taches={TACHES} today={TODAY} />
    </ToastProvider>,
  );

const counter = (name: string) => screen.getByTestId(`counter-${name}`).textContent;

beforeEach(() => toggle.mockReset());

describe("TachesBoard", () => {
  it("counts, shows the open tasks first and flags late and soon ones on calendar dates", () => {
    render();
    expect([
      counter("total"),
      counter("actives"),
      counter("completees"),
      counter("enRetard"),
    ]).toEqual(["4", "3", "1", "1"]);
    const cards = screen.getAllByRole("listitem").filter((li) => li.querySelector("input"));
    expect(cards).toHaveLength(3);
    expect(within(cards[0] as HTMLElement).getByText("En retard")).toBeInTheDocument();
    // Due in 3 days: soon; in 4 days: not yet.
    expect(within(cards[1] as HTMLElement).getByText("Échéance proche")).toBeInTheDocument();
    expect(within(cards[2] as HTMLElement).queryByText("Échéance proche")).not.toBeInTheDocument();
  });

  it("filters by statut and priorité", async () => {
    const user = userEvent.setup();
    render();
    await user.click(screen.getByRole("radio", { name: "Complétées" }));
    expect(screen.getByRole("checkbox", { name: "Lettre de l’employeur" })).toBeChecked();
    expect(screen.queryByRole("checkbox", { name: "Signer l’offre" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Toutes" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Priorité" }), "haute");
    expect(screen.getAllByRole("checkbox").map((box) => box.getAttribute("id"))).toEqual([
      "tache-1",
    ]);
  });

  it("completes a task at once and confirms", async () => {
    const user = userEvent.setup();
    toggle.mockResolvedValue({
      ok: true,
      tache: { ...(TACHES[1] as Tache), completee: true, date_completion: "2026-03-10T15:00:00Z" },
    });
    render();
    const box = screen.getByRole("checkbox", { name: "Signer l’offre" });
    await user.click(box);
    expect(box).toBeChecked();
    expect(toggle).toHaveBeenCalledWith(2);
    expect(await screen.findByText("Tâche complétée")).toBeInTheDocument();
    expect(counter("completees")).toBe("2");
  });

  it("shows the change before the API answers, and rolls it back with a message on refusal", async () => {
    const user = userEvent.setup();
    let answer: (value: Awaited<ReturnType<typeof toggleTacheAction>>) => void = () => undefined;
    toggle.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render();
    const box = screen.getByRole("checkbox", { name: "Signer l’offre" });
    await user.click(box);
    expect(box).toBeChecked();
    expect(counter("completees")).toBe("2");
    answer({ ok: false, code: "ACCESS_DISABLED" });
    expect(await screen.findByText("La tâche n’a pas pu être modifiée")).toBeInTheDocument();
    expect(
      screen.getByText("Votre courtier n’a pas activé cette section de votre portail."),
    ).toBeInTheDocument();
    expect(box).not.toBeChecked();
    expect(counter("completees")).toBe("1");
  });
});
