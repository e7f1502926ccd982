import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithIntl } from "../../../../../../test/render";
import { StatutTrack, trackSteps } from "./StatutTrack";

describe("trackSteps", () => {
  it("marks the steps before the statut done and the statut current", () => {
    expect(trackSteps("inspection").map((s) => s.state)).toEqual([
      "done",
      "done",
      "current",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
  });

  it("marks every step done once complete, none current when cancelled", () => {
    expect(trackSteps("complete").every((s) => s.state === "done")).toBe(true);
    expect(trackSteps("annulee").every((s) => s.state === "upcoming")).toBe(true);
  });
});

describe("StatutTrack", () => {
  it("lists the six statuts in order and announces the current one", () => {
    renderWithIntl(<StatutTrack statut="financement" />);
    const track = screen.getByRole("list", { name: "Étapes de votre transaction" });
    const items = within(track).getAllByRole("listitem");
    const labels = ["Recherche", "Offre", "Inspection", "Financement", "Notaire", "Complétée"];
    expect(items).toHaveLength(labels.length);
    items.forEach((item, i) => {
      expect(item).toHaveTextContent(labels[i] as string);
    });
    expect(items[3]).toHaveAttribute("aria-current", "step");
    expect(items[3]).toHaveTextContent("(étape en cours)");
    expect(items[0]).toHaveTextContent("(terminée)");
  });

  it("says so when the transaction is cancelled", () => {
    renderWithIntl(<StatutTrack statut="annulee" />, "en");
    expect(screen.getByText("This transaction was cancelled.")).toBeInTheDocument();
    expect(screen.queryByRole("listitem", { current: "step" })).not.toBeInTheDocument();
  });
});
