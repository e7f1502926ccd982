import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithIntl } from "../../../test/render";
import { LoadingSpinner } from "./LoadingSpinner";

describe("LoadingSpinner", () => {
  it("announces loading in French by default", () => {
    renderWithIntl(<LoadingSpinner />);
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("Chargement…");
    expect(status).toHaveAttribute("aria-live", "polite");
  });

  it("speaks English under the en locale", () => {
    renderWithIntl(<LoadingSpinner />, "en");
    expect(screen.getByRole("status")).toHaveTextContent("Loading…");
  });

  it("says what is loading when told", () => {
    renderWithIntl(<LoadingSpinner label="Chargement des clients…" />);
    expect(screen.getByRole("status")).toHaveTextContent("Chargement des clients…");
  });

  it("shows its label on screen for whole-page loading, hides it otherwise", () => {
    const { rerender } = renderWithIntl(<LoadingSpinner fullPage />);
    expect(screen.getByText("Chargement…")).not.toHaveClass("sr-only");
    rerender(<LoadingSpinner />);
    expect(screen.getByText("Chargement…")).toHaveClass("sr-only");
  });
});
