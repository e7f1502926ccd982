import type { Locale } from "@portail/shared";
import { html, multiline } from "./html.ts";
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

export interface InvitationData {
  client_first_name: string;
  client_last_name: string;
  broker_first_name: string;
  broker_last_name: string;
  broker_email: string;
  broker_telephone: string | null;
  message: string | null;
  link: string;
  ttl_days: number;
}

const invitationCopy = {
  fr: {
    subject: (broker: string) => `${broker} vous invite à votre portail client`,
    greeting: (name: string) => `Bonjour ${name},`,
    intro: (broker: string) =>
      `${broker}, votre courtier immobilier, vous invite à votre portail client ImmoAssist. Vous y suivrez votre transaction : les prochaines étapes, les documents partagés, vos tâches et vos messages.`,
    messageIntro: (broker: string) => `Message de ${broker} :`,
    action: "Activer mon compte",
    validity: (days: number) =>
      `Ce lien est valide pendant ${days} jour${days > 1 ? "s" : ""} et ne fonctionne qu’une fois.`,
    contact: "Pour toute question, joignez votre courtier :",
    linkIntro: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
    footer:
      "Ce courriel a été envoyé automatiquement par le Portail client ImmoAssist à la demande de votre courtier.",
  },
  en: {
    subject: (broker: string) => `${broker} invites you to your client portal`,
    greeting: (name: string) => `Hello ${name},`,
    intro: (broker: string) =>
      `${broker}, your real estate broker, invites you to your ImmoAssist client portal. There you can follow your transaction: upcoming steps, shared documents, your tasks and your messages.`,
    messageIntro: (broker: string) => `Message from ${broker}:`,
    action: "Activate my account",
    validity: (days: number) =>
      `This link is valid for ${days} day${days > 1 ? "s" : ""} and works only once.`,
    contact: "Questions? Reach your broker:",
    linkIntro: "If the button does not work, copy this link into your browser:",
    footer:
      "This email was sent automatically by the ImmoAssist client portal at your broker’s request.",
  },
} satisfies Record<Locale, unknown>;

export function renderInvitation(locale: Locale, data: InvitationData): Rendered {
  const c = invitationCopy[locale];
  const broker = `${data.broker_first_name} ${data.broker_last_name}`;
  const client = `${data.client_first_name} ${data.client_last_name}`;
  const message = data.message?.trim() || null;
  const contact = [data.broker_email, data.broker_telephone].filter(Boolean) as string[];
  const body = html`<p>${c.greeting(client)}</p>
<p>${c.intro(broker)}</p>
${
  message
    ? html`<p style="margin:0 0 4px">${c.messageIntro(broker)}</p>
<blockquote style="margin:0 0 16px;padding:12px 16px;background:#f9fafb;border-left:4px solid #2563eb;color:#374151">${multiline(message)}</blockquote>`
    : ""
}
${button(data.link, c.action)}
<p>${c.validity(data.ttl_days)}</p>
<p>${c.contact}<br><strong>${broker}</strong><br><a href="mailto:${data.broker_email}">${data.broker_email}</a>${
    data.broker_telephone ? html`<br>${data.broker_telephone}` : ""
  }</p>
<p style="font-size:13px;color:#6b7280">${c.linkIntro}<br><a href="${data.link}">${data.link}</a></p>`;
  const text = [
    c.greeting(client),
    "",
    c.intro(broker),
    ...(message ? ["", c.messageIntro(broker), message] : []),
    "",
    `${c.action}${locale === "fr" ? " : " : ": "}${data.link}`,
    "",
    c.validity(data.ttl_days),
    "",
    c.contact,
    broker,
    ...contact,
    "",
    "—",
    c.footer,
  ].join("\n");
  const subject = c.subject(broker);
  return {
    subject,
    html: layout({ lang: locale, title: subject, body, footer: c.footer }),
    text,
  };
}

export const templates = {
  password_reset: renderPasswordReset,
  invitation: renderInvitation,
} satisfies Record<string, (locale: Locale, data: never) => Rendered>;

export type TemplateName = keyof typeof templates;
export type TemplateData<T extends TemplateName> = Parameters<(typeof templates)[T]>[1];
