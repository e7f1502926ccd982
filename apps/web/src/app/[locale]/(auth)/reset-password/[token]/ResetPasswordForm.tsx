"use client";

import { passwordSchema } from "@portail/shared";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { z } from "zod";
import { ActionForm } from "@/components/auth/ActionForm";
import { confirmationProblem, PasswordFields } from "@/components/auth/PasswordFields";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";
import { confirmPasswordResetAction, type ResetState } from "@/lib/auth-actions";
import { useCheckedForm, validateWith } from "@/lib/forms-client";
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
  const { errors, formRef, onSubmit } = useCheckedForm(state.fieldErrors, () =>
    confirmationProblem(
      validateWith(schema, { password }, t) ?? {},
      password,
      confirmation,
      t("validation.passwordMismatch"),
    ),
  );

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

  return (
    <ActionForm
      formRef={formRef}
      action={formAction}
      onSubmit={onSubmit}
      formError={state.formError}
      pending={pending}
      submitLabel={t("resetPassword.submit")}
    >
      <PasswordFields
        label={t("resetPassword.newPassword")}
        password={password}
        onPasswordChange={setPassword}
        confirmationLabel={t("resetPassword.confirmation")}
        confirmation={confirmation}
        onConfirmationChange={setConfirmation}
        errors={errors}
      />
    </ActionForm>
  );
}
