import type { InvitationCreateBody } from "@portail/shared";
import { ACCESS_FLAGS } from "@portail/shared/constants";

export type AccessFlag = (typeof ACCESS_FLAGS)[number];

/** The form's text fields, as typed. */
export const INVITE_TEXT_FIELDS = [
  "prenom",
  "nom",
  "email",
  "telephone",
  "type_projet",
  "message_personnalise",
  "locale",
] as const;
export type InviteTextField = (typeof INVITE_TEXT_FIELDS)[number];

export type InviteValues = Record<InviteTextField, string> & Record<AccessFlag, boolean>;

/**
 * The body of POST /client-invitations from what was typed: optional fields left blank are
 * not sent. The same function feeds the check in the browser and the server action.
 */
export function toInviteBody(values: InviteValues): InvitationCreateBody {
  return {
    prenom: values.prenom,
    nom: values.nom,
    email: values.email,
    telephone: values.telephone.trim() || undefined,
    type_projet: values.type_projet as InvitationCreateBody["type_projet"],
    message_personnalise: values.message_personnalise.trim() || undefined,
    locale: (values.locale || undefined) as InvitationCreateBody["locale"],
    ...Object.fromEntries(ACCESS_FLAGS.map((flag) => [flag, values[flag]])),
  };
}

/** Reads the posted form; an unchecked checkbox is simply absent. */
export function inviteValuesFromForm(form: FormData): InviteValues {
  const text = Object.fromEntries(
    INVITE_TEXT_FIELDS.map((name) => [name, String(form.get(name) ?? "")]),
  ) as Record<InviteTextField, string>;
  const flags = Object.fromEntries(
    ACCESS_FLAGS.map((flag) => [flag, form.get(flag) === "on"]),
  ) as Record<AccessFlag, boolean>;
  return { ...text, ...flags };
}
