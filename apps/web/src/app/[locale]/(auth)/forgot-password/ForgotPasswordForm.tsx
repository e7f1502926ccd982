"use client";

import { emailSchema } from "@portail/shared";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { z } from "zod";
import { ActionForm } from "@/components/auth/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { TextField } from "@/components/ui/TextField";
import { Link } from "@/i18n/navigation";
import { requestPasswordResetAction } from "@/lib/auth-actions";
import { useCheckedForm, validateWith } from "@/lib/forms-client";
import { paths } from "@/lib/paths";

const schema = z.object({ email: emailSchema });

export function ForgotPasswordForm() {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(requestPasswordResetAction, {});
  const [email, setEmail] = useState("");
  const { errors, formRef, onSubmit } = useCheckedForm(state.fieldErrors, () =>
    validateWith(schema, { email }, t),
  );

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

  return (
    <ActionForm
      formRef={formRef}
      action={formAction}
      onSubmit={onSubmit}
      formError={state.formError}
      pending={pending}
      submitLabel={t("forgotPassword.submit")}
    >
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
    </ActionForm>
  );
}
