"use client";

import { PASSWORD_MIN_LENGTH, passwordSchema } from "@portail/shared";
import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/Alert";
import { Button, buttonClasses } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { Link } from "@/i18n/navigation";
import { confirmPasswordResetAction, type ResetState } from "@/lib/auth-actions";
import { useFocusFirstError, validateWith } from "@/lib/forms-client";
import { paths } from "@/lib/paths";

const schema = z.object({ password: passwordSchema });

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(
    confirmPasswordResetAction.bind(null, token),
    {} as ResetState,
  );
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>();
  const errors = clientErrors ?? state.fieldErrors;
  const formRef = useFocusFirstError(errors);

  if (state.linkProblem) {
    // Each dead link says why and offers the one useful next step.
    const problem = state.linkProblem;
    const way =
      problem === "used"
        ? { href: paths.login, label: t("resetPassword.goToLogin") }
        : { href: paths.forgotPassword, label: t("resetPassword.requestNewLink") };
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="error" title={t(`resetPassword.link.${problem}.title`)}>
          {t(`resetPassword.link.${problem}.body`)}
        </Alert>
        <Link href={way.href} className={buttonClasses("primary", "w-full")}>
          {way.label}
        </Link>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problems = validateWith(schema, { password }, t) ?? {};
    if (!problems.password && password !== confirmation) {
      problems.confirmation = t("validation.passwordMismatch");
    }
    const invalid = Object.keys(problems).length > 0;
    setClientErrors(invalid ? problems : undefined);
    if (invalid) event.preventDefault();
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
        label={t("resetPassword.newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        description={t("auth.passwordHelp", { min: PASSWORD_MIN_LENGTH })}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors?.password}
      />
      <TextField
        label={t("resetPassword.confirmation")}
        name="confirmation"
        type="password"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={(e) => setConfirmation(e.target.value)}
        error={errors?.confirmation}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("resetPassword.submit")}
      </Button>
    </form>
  );
}
