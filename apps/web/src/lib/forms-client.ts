"use client";

import { useEffect, useRef } from "react";
import type { z } from "zod";
import { fieldErrorsFromIssues, type Translate } from "./forms";

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
