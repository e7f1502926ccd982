import type { Locale } from "@portail/shared";
import { html } from "./html.ts";
import { button, layout, type Rendered } from "./layout.ts";

// Each template renders French and English from the same data. Every inserted value goes
// through `html` (escaped) in the HTML part; the text part is plain text.

export interface PasswordResetData {
  first_name: string;
  link: string;
  ttl_minutes: number;
}

const passwordResetCopy = {
  fr: {
    subject: "Réinitialisation de votre mot de passe",
    greeting: (name: string) => `Bonjour ${name},`,
    intro: "Nous avons reçu une demande de réinitialisation du mot de passe de votre compte.",
    action: "Choisir un nouveau mot de passe",
    validity: (minutes: number) =>
      `Ce lien est valide pendant ${minutes} minutes et ne fonctionne qu’une fois.`,
    ignore:
      "Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : votre mot de passe reste inchangé.",
    linkIntro: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
    footer: "Ce courriel a été envoyé automatiquement par le Portail client ImmoAssist.",
  },
  en: {
    subject: "Reset your password",
    greeting: (name: string) => `Hello ${name},`,
    intro: "We received a request to reset the password of your account.",
    action: "Choose a new password",
    validity: (minutes: number) => `This link is valid for ${minutes} minutes and works only once.`,
    ignore: "If you did not ask for this, ignore this email: your password stays unchanged.",
    linkIntro: "If the button does not work, copy this link into your browser:",
    footer: "This email was sent automatically by the ImmoAssist client portal.",
  },
} satisfies Record<Locale, unknown>;

export function renderPasswordReset(locale: Locale, data: PasswordResetData): Rendered {
  const c = passwordResetCopy[locale];
  const body = html`<p>${c.greeting(data.first_name)}</p>
<p>${c.intro}</p>
${button(data.link, c.action)}
<p>${c.validity(data.ttl_minutes)}</p>
<p>${c.ignore}</p>
<p style="font-size:13px;color:#6b7280">${c.linkIntro}<br><a href="${data.link}">${data.link}</a></p>`;
  const text = [
    c.greeting(data.first_name),
    "",
    c.intro,
    "",
    `${c.action}${locale === "fr" ? " : " : ": "}${data.link}`,
    "",
    c.validity(data.ttl_minutes),
    c.ignore,
    "",
    "—",
    c.footer,
  ].join("\n");
  return {
    subject: c.subject,
    html: layout({ lang: locale, title: c.subject, body, footer: c.footer }),
    text,
  };
}

export const templates = {
  password_reset: renderPasswordReset,
} satisfies Record<string, (locale: Locale, data: never) => Rendered>;

export type TemplateName = keyof typeof templates;
export type TemplateData<T extends TemplateName> = Parameters<(typeof templates)[T]>[1];
