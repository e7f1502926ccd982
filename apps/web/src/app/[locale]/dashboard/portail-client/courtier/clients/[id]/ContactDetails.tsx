"use client";

import type { Invitation } from "@portail/shared";
import { MESSAGE_PERSONNALISE_MAX, TYPES_PROJET } from "@portail/shared/constants";
import { Lock, Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/SelectField";
import { TextAreaField } from "@/components/ui/TextAreaField";
import { TextField } from "@/components/ui/TextField";
import { loadSchemas, useFocusFirstError, validateWith, warmSchemas } from "@/lib/forms-client";
import { useActionRunner } from "../_lib/use-action";
import { updateInvitationAction } from "./actions";

const FIELDS = [
  "prenom",
  "nom",
  "email",
  "telephone",
  "type_projet",
  "message_personnalise",
] as const;
type Field = (typeof FIELDS)[number];

const valuesOf = (invitation: Invitation): Record<Field, string> => ({
  prenom: invitation.prenom,
  nom: invitation.nom,
  email: invitation.email,
  telephone: invitation.telephone ?? "",
  type_projet: invitation.type_projet,
  message_personnalise: invitation.message_personnalise ?? "",
});

/**
 * The client's contact details. The broker may correct them until the client activates the
 * account (the API answers 409 after); a changed email gets a fresh activation link.
 */
export function ContactDetails({ invitation }: { invitation: Invitation }) {
  const t = useTranslations("workspace.contact");
  const tCommon = useTranslations("workspace.common");
  const [editing, setEditing] = useState(false);
  const editable = invitation.statut === "invite";

  return (
    <section
      aria-labelledby="contact-title"
      className="flex flex-col gap-3 border-t border-gray-100 pt-5"
    >
      <div className="flex items-center justify-between gap-3">
        <h3 id="contact-title" className="font-semibold text-gray-900">
          {t("title")}
        </h3>
        {editable && !editing && (
          <Button
            variant="ghost"
            className="px-2"
            aria-label={t("edit")}
            onClick={() => setEditing(true)}
          >
            <Pencil aria-hidden="true" className="size-4" />
            {tCommon("edit")}
          </Button>
        )}
      </div>
      {editing && editable ? (
        <ContactForm invitation={invitation} onDone={() => setEditing(false)} />
      ) : (
        <ContactSummary invitation={invitation} locked={!editable} />
      )}
    </section>
  );
}

function ContactSummary({ invitation, locked }: { invitation: Invitation; locked: boolean }) {
  const t = useTranslations("workspace.contact");
  const tInvite = useTranslations("invite.fields");
  const tType = useTranslations("enumLabels.typeProjet");
  const rows: Array<[string, string | null]> = [
    [tInvite("prenom"), invitation.prenom],
    [tInvite("nom"), invitation.nom],
    [tInvite("email"), invitation.email],
    [tInvite("telephone"), invitation.telephone],
    [t("typeProjet"), tType(invitation.type_projet)],
  ];
  return (
    <>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-gray-600">{label}</dt>
            <dd className="min-w-0 wrap-anywhere text-gray-900">{value || "—"}</dd>
          </div>
        ))}
      </dl>
      {invitation.message_personnalise && (
        <div className="text-sm">
          <p className="text-gray-600">{t("message")}</p>
          <p className="mt-1 whitespace-pre-line rounded-lg bg-gray-50 p-3 text-gray-800">
            {invitation.message_personnalise}
          </p>
        </div>
      )}
      {locked && (
        <p className="flex items-start gap-2 text-xs text-gray-600">
          <Lock aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          {t("locked")}
        </p>
      )}
    </>
  );
}

function ContactForm({ invitation, onDone }: { invitation: Invitation; onDone: () => void }) {
  const t = useTranslations("workspace");
  const tAll = useTranslations();
  const tInvite = useTranslations("invite.fields");
  const tType = useTranslations("enumLabels.typeProjet");
  const { run, pending } = useActionRunner();
  const initial = valuesOf(invitation);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>();
  const formRef = useFocusFirstError(errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Only what changed is sent: an unchanged email must not send a new link.
    const patch: Record<string, string | null> = {};
    for (const field of FIELDS) {
      if (values[field] === initial[field]) continue;
      const optional = field === "telephone" || field === "message_personnalise";
      patch[field] = optional && values[field].trim() === "" ? null : values[field];
    }
    if (Object.keys(patch).length === 0) return onDone();
    const { invitationUpdateBodySchema } = await loadSchemas();
    const problems = validateWith(invitationUpdateBodySchema, patch, tAll);
    setErrors(problems ?? undefined);
    if (problems) return;
    run(
      () => updateInvitationAction(invitation.id, patch),
      t("contact.saved"),
      (result) => {
        if (result.ok) return onDone();
        if (result.code === "EMAIL_TAKEN") setErrors({ email: tAll("invite.emailTaken") });
        else if (result.fieldErrors) setErrors(result.fieldErrors);
      },
    );
  }

  const field = (name: Field) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors?.[name],
  });

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      onFocus={warmSchemas}
      noValidate
      className="flex flex-col gap-4"
    >
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-1 2xl:grid-cols-2">
        <TextField label={tInvite("prenom")} required autoComplete="off" {...field("prenom")} />
        <TextField label={tInvite("nom")} required autoComplete="off" {...field("nom")} />
      </div>
      <TextField
        label={tInvite("email")}
        type="email"
        required
        autoComplete="off"
        description={t("contact.emailHelp")}
        {...field("email")}
      />
      <TextField
        label={tInvite("telephone")}
        type="tel"
        autoComplete="off"
        {...field("telephone")}
      />
      <SelectField
        label={t("contact.typeProjet")}
        options={TYPES_PROJET.map((value) => ({ value, label: tType(value) }))}
        {...field("type_projet")}
      />
      <TextAreaField
        label={t("contact.message")}
        maxLength={MESSAGE_PERSONNALISE_MAX}
        rows={3}
        {...field("message_personnalise")}
      />
      <div className="flex flex-wrap justify-end gap-3">
        <Button variant="secondary" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" pending={pending}>
          {t("common.save")}
        </Button>
      </div>
    </form>
  );
}
