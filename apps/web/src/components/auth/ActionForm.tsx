"use client";

import type { FormEvent, ReactNode, Ref } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";

/**
 * The frame of the sign-in forms (login, sign-up, password reset, activation): a form posting
 * to a server action, checked in the browser first (noValidate: our messages, not the
 * browser's), the server's form-level error on top and a full-width submit button below.
 */
export function ActionForm({
  formRef,
  action,
  onSubmit,
  formError,
  pending,
  submitLabel,
  heading,
  children,
}: {
  formRef: Ref<HTMLFormElement>;
  action: (form: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  formError?: string;
  pending: boolean;
  submitLabel: string;
  /** Shown above the form-level error (the activation form's title). */
  heading?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
    >
      {heading}
      {formError && <Alert tone="error">{formError}</Alert>}
      {children}
      <Button type="submit" pending={pending} className="w-full">
        {submitLabel}
      </Button>
    </form>
  );
}
