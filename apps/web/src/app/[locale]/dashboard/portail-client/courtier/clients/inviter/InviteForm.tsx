"use client";

import {
  ACCESS_FLAGS,
  invitationCreateBodySchema,
  LOCALES,
  MESSAGE_PERSONNALISE_MAX,
  TYPES_PROJET,
} from "@portail/shared";
import { CheckCircle2, Send } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useActionState, useId, useMemo, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { SelectField } from "@/components/ui/SelectField";
import { TextAreaField } from "@/components/ui/TextAreaField";
import { TextField } from "@/components/ui/TextField";
import { useFocusFirstError, validateWith } from "@/lib/forms-client";
import { typeProjetIcons } from "../_components/Badges";
import { inviteClientAction } from "./actions";
import { type BrokerSignature, EmailPreview } from "./EmailPreview";
import { InviteSuccess } from "./InviteSuccess";
import { type AccessFlag, type InviteValues, toInviteBody } from "./invite-input";
import type { InviteState } from "./invite-state";

type Action = (state: InviteState, form: FormData) => Promise<InviteState>;

const emptyValues = (locale: string): InviteValues => ({
  prenom: "",
  nom: "",
  email: "",
  telephone: "",
  type_projet: "achat",
  message_personnalise: "",
  locale,
  ...(Object.fromEntries(ACCESS_FLAGS.map((flag) => [flag, true])) as Record<AccessFlag, boolean>),
});

/**
 * « Inviter un client » (plan §3.3). After a success the form gives way to a confirmation;
 * « Inviter un autre client » starts a fresh form (a new key resets the action state too).
 */
export function InvitePanel({
  broker,
  invitationTtlDays,
  action = inviteClientAction,
}: {
  broker: BrokerSignature;
  /** How long the emailed link works (the API's INVITATION_TTL_DAYS, from GET /config). */
  invitationTtlDays: number;
  action?: Action;
}) {
  const [round, setRound] = useState(0);
  return (
    <InviteForm
      key={round}
      broker={broker}
      invitationTtlDays={invitationTtlDays}
      action={action}
      onAnother={() => setRound((r) => r + 1)}
    />
  );
}

function InviteForm({
  broker,
  invitationTtlDays,
  action,
  onAnother,
}: {
  broker: BrokerSignature;
  invitationTtlDays: number;
  action: Action;
  onAnother: () => void;
}) {
  const t = useTranslations("invite");
  const tAll = useTranslations();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, {});
  const [values, setValues] = useState<InviteValues>(() => state.values ?? emptyValues(locale));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>();
  // Errors found here win until the next submit; then the server's answer shows.
  // A field's error goes away as soon as it is edited; the next submit checks again.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const allErrors = clientErrors ?? state.fieldErrors;
  const errors = useMemo(
    () =>
      allErrors &&
      Object.fromEntries(Object.entries(allErrors).filter(([field]) => !edited.has(field))),
    [allErrors, edited],
  );
  const formRef = useFocusFirstError(allErrors);

  if (state.ok && state.invitation) {
    return (
      <InviteSuccess
        invitation={state.invitation}
        invitationTtlDays={invitationTtlDays}
        onAnother={onAnother}
      />
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problems = validateWith(invitationCreateBodySchema, toInviteBody(values), tAll);
    setClientErrors(problems ?? undefined);
    setEdited(new Set());
    if (problems) event.preventDefault();
  }

  const set = <K extends keyof InviteValues>(name: K, value: InviteValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setEdited((fields) => (fields.has(name) ? fields : new Set(fields).add(name)));
  };
  const text = (name: "prenom" | "nom" | "email" | "telephone") => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => set(name, e.target.value),
    error: errors?.[name],
  });

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
      <form
        ref={formRef}
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-6"
      >
        {state.formError && <Alert tone="error">{state.formError}</Alert>}

        <Card className="flex flex-col gap-4">
          <h2 className="text-lg font-semibold text-gray-900">{t("sections.contact")}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={t("fields.prenom")} autoComplete="off" required {...text("prenom")} />
            <TextField label={t("fields.nom")} autoComplete="off" required {...text("nom")} />
            <TextField
              label={t("fields.email")}
              type="email"
              autoComplete="off"
              required
              {...text("email")}
            />
            <TextField
              label={t("fields.telephone")}
              type="tel"
              autoComplete="off"
              description={t("fields.telephoneHelp")}
              {...text("telephone")}
            />
          </div>
        </Card>

        <Card className="flex flex-col gap-4">
          <TypeProjetTiles
            value={values.type_projet}
            onChange={(value) => set("type_projet", value)}
            error={errors?.type_projet}
          />
        </Card>

        <Card className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-1 text-lg font-semibold text-gray-900">
              {t("sections.acces")}
            </legend>
            <p className="text-sm text-gray-600">{t("sections.accesHelp")}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {ACCESS_FLAGS.map((flag) => (
                <AccessCheckbox
                  key={flag}
                  flag={flag}
                  checked={values[flag]}
                  onChange={(checked) => set(flag, checked)}
                />
              ))}
            </div>
          </fieldset>
        </Card>

        <Card className="flex flex-col gap-4">
          <h2 className="text-lg font-semibold text-gray-900">{t("sections.message")}</h2>
          <TextAreaField
            label={t("fields.message")}
            name="message_personnalise"
            rows={4}
            maxLength={MESSAGE_PERSONNALISE_MAX}
            value={values.message_personnalise}
            onChange={(e) => set("message_personnalise", e.target.value)}
            description={`${t("fields.messageHelp")} ${t("fields.messageCount", {
              count: values.message_personnalise.length,
              max: MESSAGE_PERSONNALISE_MAX,
            })}`}
            error={errors?.message_personnalise}
          />
          <SelectField
            label={t("fields.locale")}
            name="locale"
            value={values.locale}
            onChange={(e) => set("locale", e.target.value)}
            description={t("fields.localeHelp")}
            options={LOCALES.map((value) => ({ value, label: t(`locales.${value}`) }))}
            className="sm:max-w-xs"
          />
        </Card>

        <div className="flex justify-end">
          <Button type="submit" pending={pending} className="w-full sm:w-auto">
            <Send aria-hidden="true" className="size-4" />
            {t("submit")}
          </Button>
        </div>
      </form>

      <EmailPreview
        values={values}
        broker={broker}
        invitationTtlDays={invitationTtlDays}
        className="lg:sticky lg:top-24"
      />
    </div>
  );
}

/** Achat / Vente / Location as three tiles: native radios, so arrows and screen readers work. */
function TypeProjetTiles({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const t = useTranslations("invite");
  const tType = useTranslations("enumLabels.typeProjet");
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="flex flex-col gap-4">
      <legend className="mb-4 text-lg font-semibold text-gray-900">{t("sections.projet")}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {TYPES_PROJET.map((type) => {
          const Icon = typeProjetIcons[type];
          const checked = value === type;
          return (
            <label
              key={type}
              className={cn(
                "relative flex cursor-pointer flex-col gap-2 rounded-xl border-2 p-4 transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-600",
                checked
                  ? "border-accent-600 bg-accent-50"
                  : "border-gray-200 bg-white hover:border-gray-300",
              )}
            >
              <input
                type="radio"
                name="type_projet"
                value={type}
                checked={checked}
                onChange={() => onChange(type)}
                aria-labelledby={`${id}-${type}-label`}
                aria-describedby={`${id}-${type}-description`}
                className="sr-only"
              />
              <span
                className={cn(
                  "inline-flex size-10 items-center justify-center rounded-lg",
                  checked ? "bg-accent-600 text-white" : "bg-gray-100 text-gray-700",
                )}
              >
                <Icon aria-hidden="true" className="size-5" />
              </span>
              <span id={`${id}-${type}-label`} className="font-semibold text-gray-900">
                {tType(type)}
              </span>
              <span id={`${id}-${type}-description`} className="text-xs text-gray-700">
                {t(`typeProjet.${type}`)}
              </span>
              {checked && (
                <CheckCircle2
                  aria-hidden="true"
                  className="absolute top-3 right-3 size-5 text-accent-700"
                />
              )}
            </label>
          );
        })}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function AccessCheckbox({
  flag,
  checked,
  onChange,
}: {
  flag: AccessFlag;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useTranslations("invite.acces");
  const id = useId();
  return (
    <div
      className={cn(
        "flex items-start gap-3 rounded-xl border p-3",
        checked ? "border-accent-100 bg-accent-50/60" : "border-gray-200",
      )}
    >
      <input
        id={id}
        type="checkbox"
        name={flag}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={`${id}-description`}
        className="mt-0.5 size-4 shrink-0 accent-accent-600"
      />
      <div className="flex flex-col">
        <label htmlFor={id} className="text-sm font-medium text-gray-900">
          {t(`${flag}.label`)}
        </label>
        <span id={`${id}-description`} className="text-xs text-gray-700">
          {t(`${flag}.description`)}
        </span>
      </div>
    </div>
  );
}
