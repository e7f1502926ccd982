"use client";

import { useEffect, useRef } from "react";
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
