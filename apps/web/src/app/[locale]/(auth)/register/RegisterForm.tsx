"use client";

import { PASSWORD_MIN_LENGTH, registerBodySchema } from "@portail/shared";
import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { registerAction } from "@/lib/auth-actions";
import type { FormState } from "@/lib/forms";
import { useFocusFirstError, validateWith } from "@/lib/forms-client";

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
  const [clientErrors, setClientErrors] = useState<Record<string, string>>();
  const errors = clientErrors ?? state.fieldErrors;
  const formRef = useFocusFirstError(errors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problems = validateWith(
      registerBodySchema,
      { ...values, telephone: values.telephone.trim() || undefined },
      t,
    );
    setClientErrors(problems ?? undefined);
    if (problems) event.preventDefault();
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
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
    >
      {state.formError && <Alert tone="error">{state.formError}</Alert>}
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
      <TextField
        label={t("auth.password")}
        type="password"
        autoComplete="new-password"
        required
        description={t("auth.passwordHelp", { min: PASSWORD_MIN_LENGTH })}
        {...field("password")}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("register.submit")}
      </Button>
    </form>
  );
}
