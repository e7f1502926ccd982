import "server-only";
import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { ApiError, errorMessageKey } from "@/lib/api/errors";
import { redirectToLogin } from "@/lib/auth-guards";
import { fieldErrorsFromApi, fieldErrorsFromIssues } from "@/lib/forms";
import type { ActionResult } from "./action-result";

/**
 * Runs one API call of a server action. On success the page's server data is re-rendered
 * (refresh), so every card shows the new state; an API refusal becomes a translated message;
 * a session that ended meanwhile goes to login and back.
 */
export async function runAction<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const data = await call();
    refresh();
    return { ok: true, data };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401) return redirectToLogin();
    const t = await getTranslations();
    return {
      ok: false,
      code: error.code,
      message: t(errorMessageKey(error.code)),
      ...(error.fields.length > 0 ? { fieldErrors: fieldErrorsFromApi(error.fields, t) } : {}),
    };
  }
}

/** Checks an action's input against a shared schema before anything reaches the API. */
export async function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; result: ActionResult<never> }> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const t = await getTranslations();
  return {
    ok: false,
    result: {
      ok: false,
      code: "VALIDATION_ERROR",
      message: t("errors.VALIDATION_ERROR"),
      fieldErrors: fieldErrorsFromIssues(
        parsed.error.issues,
        t,
        typeof input === "object" && input ? (input as Record<string, unknown>) : undefined,
      ),
    },
  };
}
