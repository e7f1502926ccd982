import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export type Locale = "fr" | "en";

/** Fails with a readable list when axe finds any WCAG 2.1 A/AA violation on the page. */
export async function expectNoAxeViolations(
  page: Page,
  context: string,
  { modalOpen = false } = {},
) {
  // Every page has an h1; waiting for it means the scan sees the page, not its loading state.
  // (An open modal hides the page from the accessibility tree, h1 included.)
  if (!modalOpen) await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Next.js streams metadata: right after a router.refresh() (an upload, a saved form) the new
  // <title> can land a moment after the content. Scan once it is there, as a reader finds it.
  await expect(page).toHaveTitle(/\S/);
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

export const PASSWORD = "une longue phrase pour le portail 2026";

/** Signs up a new broker through the form and waits for the dashboard. */
export async function registerBroker(page: Page, locale: Locale = "fr") {
  const t = text[locale];
  const email = uniqueEmail(`${locale}-session`);
  await page.goto(`/${locale}/register`);
  await page.getByLabel(t.register.firstName).fill("Nadia");
  await page.getByRole("textbox", { name: t.register.lastName, exact: true }).fill("Bouchard");
  await page.getByLabel(t.register.email).fill(email);
  await page.getByLabel(t.register.password).fill(PASSWORD);
  await page.getByRole("button", { name: t.register.submit }).click();
  await expect(page).toHaveURL(`/${locale}/dashboard`);
  return { email };
}

export async function login(page: Page, email: string, password: string, locale: Locale = "fr") {
  const t = text[locale];
  await page.goto(`/${locale}/login`);
  await page.getByLabel(t.login.email).fill(email);
  await page.getByLabel(t.login.password).fill(password);
  await page.getByRole("button", { name: t.login.submit }).click();
}

/** The broker of the API's demo data, who has clients with transactions. */
export const DEMO_BROKER = { email: "marie.dubois@example.com", password: "demo-portail-2026" };

/** An active client of the API's demo data (seeded on an empty development database). */
export const DEMO_CLIENT = {
  email: "sophie.tremblay@example.com",
  password: "demo-portail-2026",
  firstName: "Sophie",
};
