"use client";

import { emailSchema } from "@portail/shared";
import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { Link } from "@/i18n/navigation";
import { requestPasswordResetAction } from "@/lib/auth-actions";
import { useFocusFirstError, validateWith } from "@/lib/forms-client";
import { paths } from "@/lib/paths";

const schema = z.object({ email: emailSchema });

export function ForgotPasswordForm() {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(requestPasswordResetAction, {});
  const [email, setEmail] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>();
  const errors = clientErrors ?? state.fieldErrors;
  const formRef = useFocusFirstError(errors);

  if (state.ok) {
    // Same words whether or not the address has an account: the page reveals nothing.
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" title={t("forgotPassword.sentTitle")}>
          {t("forgotPassword.sentBody", { email: state.values?.email ?? email })}
        </Alert>
        <Link
          href={paths.login}
          className="text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
        >
          {t("forgotPassword.backToLogin")}
        </Link>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problems = validateWith(schema, { email }, t);
    setClientErrors(problems ?? undefined);
    if (problems) event.preventDefault();
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
    >
      {state.formError && <Alert tone="error">{state.formError}</Alert>}
      <TextField
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors?.email}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("forgotPassword.submit")}
      </Button>
    </form>
  );
}
