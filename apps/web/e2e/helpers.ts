import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export type Locale = "fr" | "en";

/** Fails with a readable list when axe finds any WCAG 2.1 A/AA violation on the page. */
export async function expectNoAxeViolations(page: Page, context: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

export const uniqueEmail = (label: string) =>
  `courtier-${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** The words a person sees, per language; the tests read the page the way they would. */
export const text = {
  fr: {
    register: {
      firstName: "Prénom",
      lastName: "Nom",
      email: "Courriel",
      telephone: "Téléphone",
      password: "Mot de passe",
      submit: "Créer mon compte",
    },
    login: { email: "Courriel", password: "Mot de passe", submit: "Se connecter" },
    nav: { clients: "Liste des clients", invite: "Inviter un client", home: "Tableau de bord" },
    userMenu: (name: string) => `Menu de ${name}`,
    logout: "Se déconnecter",
    loggedOut: "Vous êtes maintenant déconnecté.",
    greeting: (name: string) => `Bonjour ${name}`,
    emailTaken: "Un compte existe déjà avec ce courriel.",
    weakPassword: "Ce mot de passe est trop courant.",
    other: "English",
    openMenu: "Ouvrir le menu",
    signInToContinue: "Connectez-vous pour continuer.",
    forgot: {
      link: "Mot de passe oublié?",
      submit: "Envoyer le lien",
      sent: "Vérifiez vos courriels",
    },
    reset: {
      password: "Nouveau mot de passe",
      confirmation: "Confirmez le mot de passe",
      submit: "Enregistrer le mot de passe",
      unknown: "Lien invalide",
    },
    notFound: "Page introuvable",
  },
  en: {
    register: {
      firstName: "First name",
      lastName: "Last name",
      email: "Email",
      telephone: "Phone",
      password: "Password",
      submit: "Create my account",
    },
    login: { email: "Email", password: "Password", submit: "Sign in" },
    nav: { clients: "Clients", invite: "Invite a client", home: "Dashboard" },
    userMenu: (name: string) => `${name}’s menu`,
    logout: "Sign out",
    loggedOut: "You’re now signed out.",
    greeting: (name: string) => `Hello ${name}`,
    emailTaken: "An account already uses this email.",
    weakPassword: "This password is too common.",
    other: "Français",
    openMenu: "Open menu",
    signInToContinue: "Please sign in to continue.",
    forgot: { link: "Forgot your password?", submit: "Send the link", sent: "Check your inbox" },
    reset: {
      password: "New password",
      confirmation: "Confirm password",
      submit: "Save password",
      unknown: "Invalid link",
    },
    notFound: "Page not found",
  },
} as const;
