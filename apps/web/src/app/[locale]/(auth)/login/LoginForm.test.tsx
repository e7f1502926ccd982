import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/forms";
import { renderWithIntl } from "../../../../../test/render";
import { LoginForm } from "./LoginForm";

const setup = (locale: "fr" | "en" = "fr", result: FormState = {}) => {
  const action = vi.fn(async (_state: FormState, _form: FormData) => result);
  renderWithIntl(<LoginForm action={action} next="/fr/dashboard" />, locale);
  return { action, user: userEvent.setup() };
};

describe("LoginForm validation", () => {
  it("requires both fields before sending, and focuses the first one", async () => {
    const { action, user } = setup();
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    const email = screen.getByLabelText(/Courriel/);
    const password = screen.getByLabelText(/Mot de passe/);
    expect(email).toHaveAccessibleDescription("Ce champ est obligatoire.");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(password).toHaveAccessibleDescription("Ce champ est obligatoire.");
    expect(email).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it("rejects a malformed email in English", async () => {
    const { action, user } = setup("en");
    await user.type(screen.getByLabelText(/Email/), "marie@");
    await user.type(screen.getByLabelText(/Password/), "secret");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(screen.getByLabelText(/Email/)).toHaveAccessibleDescription(
      "Enter a valid email, like name@example.com.",
    );
    expect(screen.getByLabelText(/Password/)).not.toHaveAttribute("aria-invalid");
    expect(action).not.toHaveBeenCalled();
  });

  it("sends valid input, with the page to return to", async () => {
    const { action, user } = setup();
    await user.type(screen.getByLabelText(/Courriel/), "Marie.Dubois@example.com");
    await user.type(screen.getByLabelText(/Mot de passe/), "demo-portail-2026");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    await waitFor(() => expect(action).toHaveBeenCalledOnce());
    const form = action.mock.calls[0]![1];
    expect(form.get("email")).toBe("Marie.Dubois@example.com");
    expect(form.get("password")).toBe("demo-portail-2026");
    expect(form.get("next")).toBe("/fr/dashboard");
  });

  it("shows the server's answer and keeps what was typed", async () => {
    const { user } = setup("fr", {
      formError: "Courriel ou mot de passe incorrect.",
      values: { email: "marie.dubois@example.com" },
    });
    await user.type(screen.getByLabelText(/Courriel/), "marie.dubois@example.com");
    await user.type(screen.getByLabelText(/Mot de passe/), "wrong-password");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Courriel ou mot de passe incorrect.",
    );
    expect(screen.getByLabelText(/Courriel/)).toHaveValue("marie.dubois@example.com");
  });
});
