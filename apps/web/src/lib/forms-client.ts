"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { fieldErrorsFromIssues, type Translate } from "./forms";

/** The shared schemas module (`@portail/shared`), which brings zod. */
export type SharedSchemas = typeof import("@portail/shared");

/**
 * The shared schemas, loaded when a form is first checked (or focused, see `warmSchemas`):
 * forms of pages that show them only on demand keep zod (~38 KB gzipped) out of the first load.
 */
export const loadSchemas = (): Promise<SharedSchemas> => import("@portail/shared");

/** Starts loading the schemas before the submit that needs them (e.g. on the form's focus). */
export const warmSchemas = () => {
  void loadSchemas();
};

/** Checks input against a shared schema before sending; null when valid. */
export function validateWith(
  schema: z.ZodType,
  input: Record<string, unknown>,
  t: Translate,
): Record<string, string> | null {
  const result = schema.safeParse(input);
  return result.success ? null : fieldErrorsFromIssues(result.error.issues, t, input);
}

/** Moves focus to the first invalid field whenever a new set of errors appears. */
export function useFocusFirstError(errors: Record<string, string> | undefined) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!errors || Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return formRef;
}

/**
 * The status every server-action form shares: errors found in the browser win until the next
 * submit, else the server's; focus moves to the first invalid field; a submit with problems
 * (`check` answers them, or null) is stopped before it reaches the server.
 */
export function useCheckedForm(
  serverErrors: Record<string, string> | undefined,
  check: () => Record<string, string> | null,
) {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>();
  const errors = clientErrors ?? serverErrors;
  const formRef = useFocusFirstError(errors);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const problems = check();
    const invalid = problems !== null && Object.keys(problems).length > 0;
    setClientErrors(invalid ? problems : undefined);
    if (invalid) event.preventDefault();
  }
  return { errors, formRef, onSubmit };
}
