"use client";

import { loginBodySchema } from "@portail/shared";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/auth/ActionForm";
import { TextField } from "@/components/ui/TextField";
import { Link } from "@/i18n/navigation";
import { loginAction } from "@/lib/auth-actions";
import type { FormState } from "@/lib/forms";
import { useCheckedForm, validateWith } from "@/lib/forms-client";
import { paths } from "@/lib/paths";

export interface LoginFormProps {
  /** Where to go after signing in (already validated by the page). */
  next?: string;
  /** The action; tests pass a stub, the page uses the server action. */
  action?: (state: FormState, form: FormData) => Promise<FormState>;
}

export function LoginForm({ next, action = loginAction }: LoginFormProps) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const [email, setEmail] = useState(state.values?.email ?? "");
  const [password, setPassword] = useState("");
  const { errors, formRef, onSubmit } = useCheckedForm(state.fieldErrors, () =>
    validateWith(loginBodySchema, { email, password }, t),
  );

  return (
    <ActionForm
      formRef={formRef}
      action={formAction}
      onSubmit={onSubmit}
      formError={state.formError}
      pending={pending}
      submitLabel={t("login.submit")}
    >
      {next && <input type="hidden" name="next" value={next} />}
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
      <TextField
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors?.password}
      />
      <div className="flex justify-end">
        <Link
          href={paths.forgotPassword}
          className="text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
        >
          {t("login.forgotPassword")}
        </Link>
      </div>
    </ActionForm>
  );
}
