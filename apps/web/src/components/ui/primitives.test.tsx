import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithIntl } from "../../../test/render";
import { Button } from "./Button";
import { Dialog, DialogClose } from "./Dialog";
import { SelectField } from "./SelectField";
import { TextField } from "./TextField";
import { ToastProvider, useToast } from "./Toast";

describe("fields", () => {
  it("tie label, help and error to the input", () => {
    renderWithIntl(
      <>
        <TextField
          label="Prénom"
          name="prenom"
          description="Comme sur la pièce d’identité"
          error="Ce champ est obligatoire."
          required
        />
        <SelectField
          label="Type de projet"
          name="type_projet"
          options={[
            { value: "achat", label: "Achat" },
            { value: "vente", label: "Vente" },
          ]}
        />
      </>,
    );
    const input = screen.getByRole("textbox", { name: "Prénom" });
    expect(input).toBeRequired();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(
      "Comme sur la pièce d’identité Ce champ est obligatoire.",
    );
    expect(screen.getByRole("combobox", { name: "Type de projet" })).toHaveValue("achat");
  });
});

describe("Dialog", () => {
  it("opens from its trigger, is named by its title and closes", async () => {
    const user = userEvent.setup();
    renderWithIntl(
      <Dialog
        title="Désactiver le client?"
        description="Il ne pourra plus se connecter."
        trigger={<Button>Désactiver</Button>}
        footer={
          <DialogClose asChild>
            <Button variant="secondary">Annuler</Button>
          </DialogClose>
        }
      />,
    );
    await user.click(screen.getByRole("button", { name: "Désactiver" }));
    const dialog = screen.getByRole("dialog", { name: "Désactiver le client?" });
    expect(dialog).toHaveAccessibleDescription("Il ne pourra plus se connecter.");
    await user.click(screen.getByRole("button", { name: "Annuler" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});

function SaveButton() {
  const toast = useToast();
  return (
    <Button onClick={() => toast({ title: "Invitation envoyée", tone: "success" })}>Envoyer</Button>
  );
}

describe("Toast", () => {
  it("shows a message from anywhere under the provider", async () => {
    const user = userEvent.setup();
    renderWithIntl(
      <ToastProvider>
        <SaveButton />
      </ToastProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Envoyer" }));
    expect(await screen.findByText("Invitation envoyée")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Fermer" }));
    expect(screen.queryByText("Invitation envoyée")).not.toBeInTheDocument();
  });
});
