"use client";

import { registerBodySchema } from "@portail/shared";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/auth/ActionForm";
import { PasswordFields } from "@/components/auth/PasswordFields";
import { TextField } from "@/components/ui/TextField";
import { registerAction } from "@/lib/auth-actions";
import type { FormState } from "@/lib/forms";
import { useCheckedForm, validateWith } from "@/lib/forms-client";

const FIELDS = ["first_name", "last_name", "email", "telephone", "password"] as const;
type Field = (typeof FIELDS)[number];

export function RegisterForm({
  action = registerAction,
}: {
  action?: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const [values, setValues] = useState<Record<Field, string>>({
    first_name: "",
    last_name: "",
    email: "",
    telephone: "",
    password: "",
  });
  const { errors, formRef, onSubmit } = useCheckedForm(state.fieldErrors, () =>
    validateWith(
      registerBodySchema,
      { ...values, telephone: values.telephone.trim() || undefined },
      t,
    ),
  );

  const field = (name: Field) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors?.[name],
  });

  return (
    <ActionForm
      formRef={formRef}
      action={formAction}
      onSubmit={onSubmit}
      formError={state.formError}
      pending={pending}
      submitLabel={t("register.submit")}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("auth.firstName")}
          autoComplete="given-name"
          required
          {...field("first_name")}
        />
        <TextField
          label={t("auth.lastName")}
          autoComplete="family-name"
          required
          {...field("last_name")}
        />
      </div>
      <TextField
        label={t("auth.email")}
        type="email"
        autoComplete="email"
        required
        {...field("email")}
      />
      <TextField
        label={t("auth.telephone")}
        type="tel"
        autoComplete="tel"
        description={t("register.telephoneHelp")}
        {...field("telephone")}
      />
      <PasswordFields
        label={t("auth.password")}
        password={values.password}
        onPasswordChange={(password) => setValues((v) => ({ ...v, password }))}
        errors={errors}
      />
    </ActionForm>
  );
}
