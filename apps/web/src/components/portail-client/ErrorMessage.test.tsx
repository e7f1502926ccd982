import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithIntl } from "../../../test/render";
import { AccessDenied, ErrorMessage } from "./ErrorMessage";

describe("ErrorMessage", () => {
  it("shows a generic, translated failure by default", () => {
    renderWithIntl(<ErrorMessage />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Une erreur est survenue");
    expect(alert).toHaveTextContent("La page n’a pas pu s’afficher");
  });

  it("explains an API error code in the user's language", () => {
    renderWithIntl(<ErrorMessage code="SERVICE_UNAVAILABLE" />, "en");
    expect(screen.getByRole("alert")).toHaveTextContent("The service is temporarily unavailable.");
  });

  it("shows « Accès refusé » for a 403", () => {
    renderWithIntl(<ErrorMessage status={403} />);
    expect(screen.getByRole("heading", { name: "Accès refusé" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Vous n’avez pas accès à cette page.");
  });

  it("treats ACCESS_DISABLED as a refusal, with its own explanation", () => {
    renderWithIntl(<ErrorMessage code="ACCESS_DISABLED" />);
    expect(screen.getByRole("heading", { name: "Accès refusé" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Votre courtier n’a pas activé cette section",
    );
  });

  it("has an AccessDenied shorthand", () => {
    renderWithIntl(<AccessDenied />, "en");
    expect(screen.getByRole("heading", { name: "Access denied" })).toBeInTheDocument();
  });

  it("falls back to the generic text for an unknown code", () => {
    renderWithIntl(<ErrorMessage code="SOMETHING_NEW" />);
    expect(screen.getByRole("alert")).toHaveTextContent("La page n’a pas pu s’afficher");
  });

  it("offers a retry only when given one", async () => {
    const onRetry = vi.fn();
    const { rerender } = renderWithIntl(<ErrorMessage />);
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    rerender(<ErrorMessage onRetry={onRetry} />);
    await userEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("lets a caller override title and message", () => {
    renderWithIntl(
      <ErrorMessage title="Client introuvable" message="Il a peut-être été retiré." />,
    );
    expect(screen.getByRole("heading", { name: "Client introuvable" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Il a peut-être été retiré.");
  });
});
