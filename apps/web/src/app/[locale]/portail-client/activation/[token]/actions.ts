"use server";

import { activationBodySchema, type CourtierContact, tokenResponseSchema } from "@portail/shared";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { ApiError, errorMessageKey } from "@/lib/api/errors";
import { apiFetch, storeSession } from "@/lib/api/server";
import { PORTAIL_CLIENT_PATHS } from "@/lib/constants/portail-client";
import { type FormState, fieldErrorsFromApi, fieldErrorsFromIssues, formValues } from "@/lib/forms";
import { withLocale } from "@/lib/paths";
import { type ActivationLinkProblem, brokerToAsk, linkProblemOf } from "./link-problems";

export interface ActivationState extends FormState {
  linkProblem?: ActivationLinkProblem;
  /** Whom to ask for a new link, when the link expired. */
  courtier?: CourtierContact;
}

/**
 * Activates the client's account from the emailed link. The API answers like login, so the
 * tokens go straight into the httpOnly session cookies (never through /api/proxy, which keeps
 * this path closed on purpose) and the client lands on their portal, signed in.
 */
export async function activateAction(
  token: string,
  _prev: ActivationState,
  form: FormData,
): Promise<ActivationState> {
  const t = await getTranslations();
  const requested = await getLocale();
  const locale = (routing.locales as readonly string[]).includes(requested)
    ? requested
    : routing.defaultLocale;
  const values = formValues(form, [
    "password",
    "confirmation",
    "first_name",
    "last_name",
    "consent",
  ]);
  const echo = { first_name: values.first_name, last_name: values.last_name };

  const parsed = activationBodySchema.safeParse({
    password: values.password,
    first_name: values.first_name,
    last_name: values.last_name,
  });
  const fieldErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, t, values);
  if (!fieldErrors.password && values.password !== values.confirmation) {
    fieldErrors.confirmation = t("validation.passwordMismatch");
  }
  if (values.consent !== "on") fieldErrors.consent = t("activation.form.consentRequired");
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { fieldErrors, values: echo };

  try {
    const response = await apiFetch(`/client-invitations/activate/${encodeURIComponent(token)}`, {
      method: "POST",
      body: parsed.data,
      anonymous: true,
    });
    await storeSession(tokenResponseSchema.parse(await response.json()));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const linkProblem = linkProblemOf(error);
    if (linkProblem) return { linkProblem, courtier: brokerToAsk(error) };
    if (error.fields.length > 0) {
      return { fieldErrors: fieldErrorsFromApi(error.fields, t), values: echo };
    }
    return { formError: t(errorMessageKey(error.code)), values: echo };
  }
  redirect(`${withLocale(locale, PORTAIL_CLIENT_PATHS.dashboard)}?bienvenue=1`);
}
