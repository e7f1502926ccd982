"use server";

import { invitationCreateBodySchema, invitationSchema } from "@portail/shared";
import { getTranslations } from "next-intl/server";
import { ApiError, errorMessageKey } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/server";
import { fieldErrorsFromApi, fieldErrorsFromIssues } from "@/lib/forms";
import { inviteValuesFromForm, toInviteBody } from "./invite-input";
import type { InviteState } from "./invite-state";

/**
 * Sends the invitation (POST /client-invitations): checked again here with the shared schema,
 * then by the API. A taken email is reported on the email field; what was typed comes back so
 * a page without JavaScript loses nothing.
 */
export async function inviteClientAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const t = await getTranslations();
  const values = inviteValuesFromForm(form);
  const parsed = invitationCreateBodySchema.safeParse(toInviteBody(values));
  if (!parsed.success) {
    return { fieldErrors: fieldErrorsFromIssues(parsed.error.issues, t, values), values };
  }
  try {
    const invitation = await apiJson("/client-invitations", invitationSchema, {
      method: "POST",
      body: parsed.data,
    });
    return {
      ok: true,
      invitation: {
        id: invitation.id,
        email: invitation.email,
        prenom: invitation.prenom,
        nom: invitation.nom,
      },
    };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "EMAIL_TAKEN") {
      return { fieldErrors: { email: t("invite.emailTaken") }, values };
    }
    if (error.fields.length > 0) {
      return { fieldErrors: fieldErrorsFromApi(error.fields, t), values };
    }
    return { formError: t(errorMessageKey(error.code)), values };
  }
}
