import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithIntl } from "../../../../../../../../test/render";
import { InvitePanel } from "./InviteForm";
import type { InviteState } from "./invite-state";

// The real action calls the API from the server; each test passes its own.
vi.mock("./actions", () => ({ inviteClientAction: vi.fn() }));

const broker = {
  first_name: "Marie",
  last_name: "Dubois",
  email: "marie.dubois@example.com",
  telephone: "514-555-0123",
};

const setup = (locale: "fr" | "en" = "fr", result: InviteState = {}) => {
  const action = vi.fn(async (_state: InviteState, _form: FormData) => result);
  renderWithIntl(<InvitePanel broker={broker} invitationTtlDays={7} action={action} />, locale);
  return { action, user: userEvent.setup() };
};

async function fillRequired(user: ReturnType<typeof userEvent.setup>, locale: "fr" | "en" = "fr") {
  const fr = locale === "fr";
  await user.type(screen.getByRole("textbox", { name: fr ? "Prénom" : "First name" }), "Sophie");
  await user.type(screen.getByRole("textbox", { name: fr ? "Nom" : "Last name" }), "Tremblay");
  await user.type(
    screen.getByRole("textbox", { name: fr ? "Courriel" : "Email" }),
    "sophie.tremblay@example.com",
  );
}

describe("InviteForm validation", () => {
  it("requires first name, last name and email before sending, and focuses the first", async () => {
    const { action, user } = setup();
    await user.click(screen.getByRole("button", { name: "Envoyer l’invitation" }));

    const prenom = screen.getByRole("textbox", { name: "Prénom" });
    expect(prenom).toHaveAttribute("aria-invalid", "true");
    expect(prenom).toHaveAccessibleDescription("Ce champ est obligatoire.");
    expect(screen.getByRole("textbox", { name: "Nom" })).toHaveAccessibleDescription(
      "Ce champ est obligatoire.",
    );
    expect(screen.getByRole("textbox", { name: "Courriel" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(screen.getByRole("textbox", { name: "Téléphone" })).not.toHaveAttribute("aria-invalid");
    expect(prenom).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it("clears a field's error once it is edited", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Envoyer l’invitation" }));
    const prenom = screen.getByRole("textbox", { name: "Prénom" });
    await user.type(prenom, "S");
    expect(prenom).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("textbox", { name: "Nom" })).toHaveAttribute("aria-invalid", "true");
  });

  it("refuses a malformed email, in English", async () => {
    const { action, user } = setup("en");
    await user.type(screen.getByRole("textbox", { name: "First name" }), "Sophie");
    await user.type(screen.getByRole("textbox", { name: "Last name" }), "Tremblay");
    await user.type(screen.getByRole("textbox", { name: "Email" }), "sophie@");
    await user.click(screen.getByRole("button", { name: "Send the invitation" }));

    const email = screen.getByRole("textbox", { name: "Email" });
    expect(email).toHaveAccessibleDescription("Enter a valid email, like name@example.com.");
    expect(email).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it("sends the project type, the access chosen and the invitation's language", async () => {
    const { action, user } = setup();
    await fillRequired(user);
    const tiles = screen.getByRole("group", { name: "Type de projet" });
    expect(within(tiles).getByRole("radio", { name: "Achat" })).toBeChecked();
    await user.click(within(tiles).getByRole("radio", { name: "Vente" }));
    expect(within(tiles).getByRole("radio", { name: "Vente" })).toHaveAccessibleDescription(
      "Votre client vend sa propriété.",
    );
    await user.click(screen.getByRole("checkbox", { name: "Calendrier" }));
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Langue de l’invitation" }),
      "en",
    );
    await user.type(screen.getByRole("textbox", { name: "Message personnel" }), "Au plaisir!");
    await user.click(screen.getByRole("button", { name: "Envoyer l’invitation" }));

    await waitFor(() => expect(action).toHaveBeenCalledOnce());
    const form = action.mock.calls[0]![1];
    expect(Object.fromEntries(form)).toEqual({
      prenom: "Sophie",
      nom: "Tremblay",
      email: "sophie.tremblay@example.com",
      telephone: "",
      type_projet: "vente",
      acces_documents: "on",
      acces_messagerie: "on",
      acces_taches: "on",
      acces_proprietes: "on",
      message_personnalise: "Au plaisir!",
      locale: "en",
    });
  });

  it("shows a taken email at the email field and keeps what was typed", async () => {
    const { user } = setup("fr", {
      fieldErrors: {
        email:
          "Ce courriel a déjà une invitation ou un compte. Retrouvez ce client dans votre liste.",
      },
    });
    await fillRequired(user);
    await user.click(screen.getByRole("button", { name: "Envoyer l’invitation" }));

    const email = screen.getByRole("textbox", { name: "Courriel" });
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription(/déjà une invitation ou un compte/);
    expect(email).toHaveValue("sophie.tremblay@example.com");
    expect(screen.getByRole("textbox", { name: "Prénom" })).toHaveValue("Sophie");
    expect(email).toHaveFocus();
  });

  it("shows a server failure above the form", async () => {
    const { user } = setup("fr", {
      formError: "Le service est momentanément indisponible. Réessayez dans un instant.",
    });
    await fillRequired(user);
    await user.click(screen.getByRole("button", { name: "Envoyer l’invitation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Le service est momentanément indisponible.",
    );
  });
});

describe("InviteForm preview and confirmation", () => {
  it("previews the email in the invitation's language as the broker types", async () => {
    const { user } = setup();
    const preview = screen.getByRole("region", { name: "Aperçu du courriel" });
    expect(preview).toHaveTextContent("Marie Dubois vous invite à votre portail client");
    await fillRequired(user);
    await user.type(screen.getByRole("textbox", { name: "Message personnel" }), "Bienvenue!");
    expect(preview).toHaveTextContent("Bonjour Sophie Tremblay,");
    expect(within(preview).getByRole("blockquote")).toHaveTextContent("Bienvenue!");
    expect(preview).toHaveTextContent("Message de Marie Dubois :");
    expect(preview).toHaveTextContent("sophie.tremblay@example.com");

    await user.selectOptions(
      screen.getByRole("combobox", { name: "Langue de l’invitation" }),
      "en",
    );
    expect(preview).toHaveTextContent("Hello Sophie Tremblay,");
    expect(preview).toHaveTextContent("Marie Dubois invites you to your client portal");
    expect(preview).toHaveTextContent("This link is valid for 7 days");
  });

  it("confirms with the email, links to the file, and starts over on request", async () => {
    const { user } = setup("fr", {
      ok: true,
      invitation: {
        id: 42,
        email: "sophie.tremblay@example.com",
        prenom: "Sophie",
        nom: "Tremblay",
      },
    });
    await fillRequired(user);
    await user.click(screen.getByRole("button", { name: "Envoyer l’invitation" }));

    const heading = await screen.findByRole("heading", { name: "Invitation envoyée" });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/a été envoyé à/)).toHaveTextContent(
      "Un courriel d’invitation a été envoyé à sophie.tremblay@example.com.",
    );
    expect(
      screen.getByRole("link", { name: "Ouvrir le dossier de Sophie Tremblay" }),
    ).toHaveAttribute("href", "/fr/dashboard/portail-client/courtier/clients/42");

    await user.click(screen.getByRole("button", { name: "Inviter un autre client" }));
    expect(screen.getByRole("textbox", { name: "Prénom" })).toHaveValue("");
    expect(screen.queryByRole("heading", { name: "Invitation envoyée" })).not.toBeInTheDocument();
  });
});
