"use client";

import { loginBodySchema } from "@portail/shared";
import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { Link } from "@/i18n/navigation";
import { loginAction } from "@/lib/auth-actions";
import type { FormState } from "@/lib/forms";
import { useFocusFirstError, validateWith } from "@/lib/forms-client";
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
  const [clientErrors, setClientErrors] = useState<Record<string, string>>();
  const errors = clientErrors ?? state.fieldErrors;
  const formRef = useFocusFirstError(errors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problems = validateWith(loginBodySchema, { email, password }, t);
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
      <Button type="submit" pending={pending} className="w-full">
        {t("login.submit")}
      </Button>
    </form>
  );
}
