"use client";

import { activationBodySchema } from "@portail/shared";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { ActionForm } from "@/components/auth/ActionForm";
import { confirmationProblem, PasswordFields } from "@/components/auth/PasswordFields";
import { TextField } from "@/components/ui/TextField";
import { useCheckedForm, validateWith } from "@/lib/forms-client";
import { type ActivationState, activateAction } from "./actions";
import { LinkProblemCard } from "./LinkProblemCard";

export interface ActivationFormProps {
  token: string;
  firstName: string;
  lastName: string;
  email: string;
  /** The action; tests pass a stub, the page uses the server action. */
  action?: (token: string, state: ActivationState, form: FormData) => Promise<ActivationState>;
}

export function ActivationForm({
  token,
  firstName: invitedFirstName,
  lastName: invitedLastName,
  email,
  action = activateAction,
}: ActivationFormProps) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action.bind(null, token), {});
  const [firstName, setFirstName] = useState(state.values?.first_name ?? invitedFirstName);
  const [lastName, setLastName] = useState(state.values?.last_name ?? invitedLastName);
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [consent, setConsent] = useState(false);
  const { errors, formRef, onSubmit } = useCheckedForm(state.fieldErrors, () => {
    const problems = confirmationProblem(
      validateWith(
        activationBodySchema,
        { password, first_name: firstName, last_name: lastName },
        t,
      ) ?? {},
      password,
      confirmation,
      t("validation.passwordMismatch"),
    );
    return consent ? problems : { ...problems, consent: t("activation.form.consentRequired") };
  });
  const consentId = useId();

  if (state.linkProblem) {
    return <LinkProblemCard problem={state.linkProblem} courtier={state.courtier} />;
  }

  return (
    <ActionForm
      formRef={formRef}
      action={formAction}
      onSubmit={onSubmit}
      formError={state.formError}
      pending={pending}
      submitLabel={t("activation.form.submit")}
      heading={
        <h2 className="text-base font-semibold text-gray-900">{t("activation.form.title")}</h2>
      }
    >
      {/* Shown read-only: it is the client's sign-in, and password managers file it with the password. */}
      <TextField
        label={t("activation.form.email")}
        name="username"
        type="email"
        autoComplete="username"
        value={email}
        readOnly
        description={t("activation.form.emailHelp")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("auth.firstName")}
          name="first_name"
          autoComplete="given-name"
          required
          value={firstName}
          onChange={(e) => setFirstName(e.target.value)}
          error={errors?.first_name}
        />
        <TextField
          label={t("auth.lastName")}
          name="last_name"
          autoComplete="family-name"
          required
          value={lastName}
          onChange={(e) => setLastName(e.target.value)}
          error={errors?.last_name}
        />
      </div>
      <PasswordFields
        label={t("activation.form.password")}
        password={password}
        onPasswordChange={setPassword}
        confirmationLabel={t("activation.form.confirmation")}
        confirmation={confirmation}
        onConfirmationChange={setConfirmation}
        errors={errors}
      />

      <div className="flex flex-col gap-2 rounded-xl border border-gray-200 bg-gray-50 p-4">
        <details className="text-sm text-gray-700">
          <summary className="cursor-pointer font-medium text-accent-700">
            {t("activation.privacy.summary")}
          </summary>
          <div className="mt-2 flex flex-col gap-2">
            <p>{t("activation.privacy.collected")}</p>
            <p>{t("activation.privacy.use")}</p>
            <p>{t("activation.privacy.rights")}</p>
          </div>
        </details>
        <div className="flex items-start gap-3">
          <input
            id={consentId}
            name="consent"
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
            required
            aria-invalid={errors?.consent ? true : undefined}
            aria-describedby={errors?.consent ? `${consentId}-error` : undefined}
            className="mt-0.5 size-5 shrink-0 accent-accent-600"
          />
          <label htmlFor={consentId} className="text-sm text-gray-800">
            {t("activation.form.consent")}
          </label>
        </div>
        {errors?.consent && (
          <p id={`${consentId}-error`} className="text-sm text-red-700">
            {errors.consent}
          </p>
        )}
      </div>
    </ActionForm>
  );
}
