import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComponentProps } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithIntl } from "../../../../../../test/render";
import { ActivationForm } from "./ActivationForm";
import type { ActivationState } from "./actions";

vi.mock("./actions", () => ({ activateAction: vi.fn() }));
vi.mock("@/i18n/navigation", () => ({
  Link: ({ href, ...props }: ComponentProps<"a"> & { href: string }) => (
    <a href={href} {...props} />
  ),
}));

const props = {
  token: "tok",
  firstName: "Camille",
  lastName: "Bergeron",
  email: "camille@example.com",
};

const passwordField = () => screen.getByLabelText(/^Mot de passe/);

const LABELS = {
  fr: { password: /^Mot de passe/, confirmation: /^Confirmez/, consent: /avis de confidentialité/ },
  en: { password: /^Password/, confirmation: /^Confirm password/, consent: /privacy notice/ },
};

async function fillValid(
  user: ReturnType<typeof userEvent.setup>,
  password = "une phrase assez longue",
  locale: "fr" | "en" = "fr",
) {
  const labels = LABELS[locale];
  await user.type(screen.getByLabelText(labels.password), password);
  await user.type(screen.getByLabelText(labels.confirmation), password);
  await user.click(screen.getByRole("checkbox", { name: labels.consent }));
}

describe("ActivationForm", () => {
  it("prefills the invitation's names and shows the email as the sign-in", () => {
    renderWithIntl(<ActivationForm {...props} action={vi.fn()} />);
    expect(screen.getByRole("textbox", { name: /^Prénom/ })).toHaveValue("Camille");
    expect(screen.getByRole("textbox", { name: /^Nom/ })).toHaveValue("Bergeron");
    expect(screen.getByRole("textbox", { name: "Courriel (votre identifiant)" })).toHaveAttribute(
      "readonly",
    );
  });

  it("checks length, confirmation and consent before sending anything", async () => {
    const user = userEvent.setup();
    const action = vi.fn();
    renderWithIntl(<ActivationForm {...props} action={action} />);
    await user.type(passwordField(), "court");
    await user.type(screen.getByLabelText(/^Confirmez le mot de passe/), "autre");
    await user.click(screen.getByRole("button", { name: "Activer mon compte" }));
    expect(screen.getByText("Entrez au moins 10 caractères.")).toBeInTheDocument();
    expect(
      screen.getByText("Acceptez l’avis de confidentialité pour activer votre compte."),
    ).toBeInTheDocument();
    expect(passwordField()).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it("shows the API's password policy at the password field", async () => {
    const user = userEvent.setup();
    const action = vi.fn(
      async (): Promise<ActivationState> => ({
        fieldErrors: {
          password: "Ce mot de passe est trop courant. Choisissez-en un plus personnel.",
        },
      }),
    );
    renderWithIntl(<ActivationForm {...props} action={action} />);
    await fillValid(user, "password1234");
    await user.click(screen.getByRole("button", { name: "Activer mon compte" }));
    expect(action).toHaveBeenCalledOnce();
    expect(await screen.findByText(/trop courant/)).toBeInTheDocument();
    expect(passwordField()).toHaveAttribute("aria-invalid", "true");
  });

  it("explains an expired link (naming the broker when known) and a used one", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (): Promise<ActivationState> => ({ linkProblem: "expired" }));
    const { unmount } = renderWithIntl(<ActivationForm {...props} action={action} />, "en");
    await fillValid(user, "a long enough phrase", "en");
    await user.click(screen.getByRole("button", { name: "Activate my account" }));
    expect(
      await screen.findByRole("heading", { name: "This link has expired" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Ask your broker to send you a new invitation link."),
    ).toBeInTheDocument();
    unmount();

    const named = vi.fn(
      async (): Promise<ActivationState> => ({
        linkProblem: "expired",
        courtier: {
          first_name: "Marie",
          last_name: "Dubois",
          email: "marie.dubois@example.com",
          telephone: "514 555-0101",
        },
      }),
    );
    const second = renderWithIntl(<ActivationForm {...props} action={named} />);
    await fillValid(user);
    await user.click(screen.getByRole("button", { name: "Activer mon compte" }));
    expect(
      await screen.findByText("Demandez un nouveau lien à Marie Dubois :"),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "marie.dubois@example.com" })).toHaveAttribute(
      "href",
      `mailto:marie.dubois@example.com?subject=${encodeURIComponent("Nouveau lien d’activation du portail client")}`,
    );
    expect(screen.getByRole("link", { name: "514 555-0101" })).toHaveAttribute(
      "href",
      "tel:5145550101",
    );
    expect(screen.queryByText(/Demandez à votre courtier/)).not.toBeInTheDocument();
    second.unmount();

    const used = vi.fn(async (): Promise<ActivationState> => ({ linkProblem: "used" }));
    renderWithIntl(<ActivationForm {...props} action={used} />);
    await fillValid(user);
    await user.click(screen.getByRole("button", { name: "Activer mon compte" }));
    expect(await screen.findByRole("link", { name: "Aller à la connexion" })).toHaveAttribute(
      "href",
      "/login",
    );
  });
});
