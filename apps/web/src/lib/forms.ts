import type { FieldError } from "@portail/shared";
import type { z } from "zod";

/** What a server action hands back to its form. Messages are already translated. */
export interface FormState {
  ok?: boolean;
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** Echo of what was typed (never passwords), so a failed submit loses nothing. */
  values?: Record<string, string>;
}

/** A translator limited to what validation needs; next-intl's `t` of any namespace fits. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Turns zod issues into one message per field, in the user's language. Shared schemas carry
 * English developer messages; users see these keys of `validation.*` instead.
 */
export function fieldErrorsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  t: Translate,
  input?: Record<string, unknown>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.join(".");
    if (errors[field]) continue;
    // An empty field is "required", whatever rule the schema checks first (e.g. email format).
    const value = input?.[field];
    const empty = typeof value === "string" && value.trim() === "";
    errors[field] = empty ? t("validation.required") : messageForIssue(issue, t);
  }
  return errors;
}

function messageForIssue(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1
        ? t("validation.required")
        : t("validation.tooShort", { min: Number(issue.minimum) });
    case "too_big":
      return t("validation.tooLong", { max: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.invalid");
    case "invalid_type":
      return t("validation.required");
    default:
      return t("validation.invalid");
  }
}

const API_FIELD_CODES = new Set([
  "taken",
  "common_password",
  "repetitive_password",
  "contextual_password",
]);

/** Field errors the API returned (400 VALIDATION_ERROR, WEAK_PASSWORD, EMAIL_TAKEN). */
export function fieldErrorsFromApi(fields: FieldError[], t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, code } of fields) {
    if (errors[field]) continue;
    errors[field] = API_FIELD_CODES.has(code)
      ? t(`validation.${code}`)
      : code === "too_small"
        ? t("validation.required")
        : t("validation.invalid");
  }
  return errors;
}

/** Reads text fields of a FormData, trimming nothing: the shared schemas trim. */
export function formValues<K extends string>(
  form: FormData,
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, String(form.get(k) ?? "")])) as Record<K, string>;
}
