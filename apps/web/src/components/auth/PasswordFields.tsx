"use client";

import { PASSWORD_MIN_LENGTH } from "@portail/shared/constants";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/TextField";

/**
 * A new password with the policy's help, and its confirmation when `confirmation` is given
 * (sign-up asks once; password reset and activation ask twice, see `confirmationProblem`).
 */
export function PasswordFields({
  label,
  password,
  onPasswordChange,
  confirmationLabel,
  confirmation,
  onConfirmationChange,
  errors,
}: {
  label: string;
  password: string;
  onPasswordChange: (value: string) => void;
  confirmationLabel?: string;
  confirmation?: string;
  onConfirmationChange?: (value: string) => void;
  errors?: Record<string, string>;
}) {
  const t = useTranslations("auth");
  return (
    <>
      <TextField
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        description={t("passwordHelp", { min: PASSWORD_MIN_LENGTH })}
        value={password}
        onChange={(e) => onPasswordChange(e.target.value)}
        error={errors?.password}
      />
      {confirmation !== undefined && confirmationLabel && (
        <TextField
          label={confirmationLabel}
          name="confirmation"
          type="password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(e) => onConfirmationChange?.(e.target.value)}
          error={errors?.confirmation}
        />
      )}
    </>
  );
}

/** « The passwords differ », unless the password itself already has a problem. */
export function confirmationProblem(
  problems: Record<string, string>,
  password: string,
  confirmation: string,
  mismatch: string,
): Record<string, string> {
  return !problems.password && password !== confirmation
    ? { ...problems, confirmation: mismatch }
    : problems;
}
