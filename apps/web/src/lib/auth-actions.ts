"use server";

import {
  type ErrorCode,
  loginBodySchema,
  passwordResetConfirmBodySchema,
  passwordResetRequestBodySchema,
  registerBodySchema,
  tokenResponseSchema,
} from "@portail/shared";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { ApiError, errorMessageKey } from "./api/errors";
import { apiFetch, clearSession, storeSession } from "./api/server";
import { getCurrentUser } from "./auth-guards";
import { type FormState, fieldErrorsFromApi, fieldErrorsFromIssues, formValues } from "./forms";
import { landingPath, paths, safeNextPath, withLocale } from "./paths";
import { REFRESH_COOKIE } from "./session/cookies";

// Server actions of the sign-in pages. Each returns a FormState with translated messages, or
// redirects. Tokens go straight from the API's answer into httpOnly cookies.

async function currentLocale() {
  const locale = await getLocale();
  return (routing.locales as readonly string[]).includes(locale) ? locale : routing.defaultLocale;
}

async function translator() {
  return getTranslations();
}

/** A message for an API error that belongs to the whole form rather than to one field. */
function formErrorOf(error: unknown, t: Awaited<ReturnType<typeof translator>>): string {
  if (error instanceof ApiError) return t(errorMessageKey(error.code));
  throw error;
}

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await translator();
  const locale = await currentLocale();
  const values = formValues(form, ["email", "password", "next"]);
  const echo = { email: values.email };
  const parsed = loginBodySchema.safeParse(values);
  if (!parsed.success) {
    return { fieldErrors: fieldErrorsFromIssues(parsed.error.issues, t, values), values: echo };
  }

  let destination: string;
  try {
    const response = await apiFetch("/auth/login", {
      method: "POST",
      body: parsed.data,
      anonymous: true,
    });
    const session = tokenResponseSchema.parse(await response.json());
    await storeSession(session);
    destination = safeNextPath(values.next) ?? withLocale(locale, landingPath(session.user));
  } catch (error) {
    return { formError: formErrorOf(error, t), values: echo };
  }
  redirect(destination);
}

const REGISTER_FIELDS = ["first_name", "last_name", "email", "telephone", "password"] as const;

export async function registerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await translator();
  const locale = await currentLocale();
  const values = formValues(form, REGISTER_FIELDS);
  const { password: _password, ...echo } = values;
  const parsed = registerBodySchema.safeParse({
    ...values,
    telephone: values.telephone.trim() || undefined,
    locale,
  });
  if (!parsed.success) {
    return { fieldErrors: fieldErrorsFromIssues(parsed.error.issues, t, values), values: echo };
  }

  try {
    const response = await apiFetch("/auth/register", {
      method: "POST",
      body: parsed.data,
      anonymous: true,
    });
    await storeSession(tokenResponseSchema.parse(await response.json()));
  } catch (error) {
    if (error instanceof ApiError && error.fields.length > 0) {
      return { fieldErrors: fieldErrorsFromApi(error.fields, t), values: echo };
    }
    return { formError: formErrorOf(error, t), values: echo };
  }
  redirect(withLocale(locale, paths.dashboard));
}

export async function logoutAction(): Promise<void> {
  const locale = await currentLocale();
  const refreshToken = (await cookies()).get(REFRESH_COOKIE)?.value;
  if (await getCurrentUser().catch(() => null)) {
    // Revoke the session on the API; the cookies go whatever it answers.
    await apiFetch("/auth/logout", {
      method: "POST",
      body: refreshToken ? { refresh_token: refreshToken } : {},
    }).catch(() => undefined);
  }
  await clearSession();
  redirect(`${withLocale(locale, paths.login)}?loggedOut=1`);
}

export async function requestPasswordResetAction(
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const t = await translator();
  const locale = await currentLocale();
  const values = formValues(form, ["email"]);
  const parsed = passwordResetRequestBodySchema.safeParse({ ...values, locale });
  if (!parsed.success) {
    return { fieldErrors: fieldErrorsFromIssues(parsed.error.issues, t, values), values };
  }
  try {
    await apiFetch("/auth/password-reset/request", {
      method: "POST",
      body: parsed.data,
      anonymous: true,
    });
  } catch (error) {
    return { formError: formErrorOf(error, t), values };
  }
  // The same answer whether or not the email has an account.
  return { ok: true, values };
}

/** Link problems of a reset token, each with its own explanation and way out. */
export type ResetLinkProblem = "unknown" | "used" | "expired";

export interface ResetState extends FormState {
  linkProblem?: ResetLinkProblem;
}

const LINK_PROBLEMS: Partial<Record<ErrorCode, ResetLinkProblem>> = {
  NOT_FOUND: "unknown",
  ALREADY_USED: "used",
  EXPIRED: "expired",
};

export async function confirmPasswordResetAction(
  token: string,
  _prev: ResetState,
  form: FormData,
): Promise<ResetState> {
  const t = await translator();
  const locale = await currentLocale();
  const { password, confirmation } = formValues(form, ["password", "confirmation"]);
  const parsed = passwordResetConfirmBodySchema.safeParse({ token, password });
  const fieldErrors = parsed.success
    ? {}
    : fieldErrorsFromIssues(parsed.error.issues, t, { password });
  if (!fieldErrors.password && password !== confirmation) {
    fieldErrors.confirmation = t("validation.passwordMismatch");
  }
  if (!parsed.success || fieldErrors.confirmation) return { fieldErrors };

  try {
    await apiFetch("/auth/password-reset/confirm", {
      method: "POST",
      body: parsed.data,
      anonymous: true,
    });
  } catch (error) {
    if (error instanceof ApiError) {
      const linkProblem = LINK_PROBLEMS[error.code];
      if (linkProblem) return { linkProblem };
      if (error.fields.length > 0) return { fieldErrors: fieldErrorsFromApi(error.fields, t) };
    }
    return { formError: formErrorOf(error, t) };
  }
  // Every device was signed out by the reset, this one included.
  await clearSession();
  redirect(`${withLocale(locale, paths.login)}?reset=1`);
}
