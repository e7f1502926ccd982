import { mkdirSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, type Locale } from "./helpers";
import {
  activateDirectly,
  activationLinkFromEmail,
  createBroker,
  expectOk,
  inviteClient,
  PASSWORD,
  prepareTransaction,
} from "./portal-api";

// The client's whole journey (issue 5): a broker invites a client, the client activates the
// account from the email actually sent, follows the file, opens a document, answers a message
// and completes a task, and the broker sees it all. In French and English, at desktop and phone
// widths, with an axe scan and a screenshot of every client page.

const SCREENSHOTS = "e2e/screenshots";
mkdirSync(SCREENSHOTS, { recursive: true });

const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
type Device = keyof typeof VIEWPORTS;

const HOME = "/dashboard/portail-client/client";

const words = {
  fr: {
    activation: {
      password: "Mot de passe",
      confirmation: "Confirmez le mot de passe",
      consent: /avis de confidentialité et j’accepte/,
      submit: "Activer mon compte",
      consentRequired: "Acceptez l’avis de confidentialité",
      weak: "Ce mot de passe est trop courant.",
      used: "Votre compte est déjà activé",
      toLogin: "Aller à la connexion",
      unknown: "Lien invalide",
    },
    invites: (broker: string) => `${broker} vous invite à suivre l’achat`,
    greeting: (name: string) => `Bonjour ${name}`,
    welcome: "Votre compte est activé",
    nav: "Menu du portail",
    openMenu: "Ouvrir le menu",
    modules: { documents: "Documents", messages: "Messagerie", taches: "Tâches" },
    statut: "Inspection",
    time: "14 h 30",
    price: "450 000,00 $",
    newBadge: "Nouveau",
    view: "Voir",
    download: "Télécharger",
    composer: "Votre message",
    sending: "Envoi…",
    taskDone: "Tâche complétée",
    forbidden: "Accès refusé",
    documentGone: "Document introuvable",
    login: { email: "Courriel", password: "Mot de passe", submit: "Se connecter" },
    disabled: "Ce compte est désactivé.",
  },
  en: {
    activation: {
      password: "Password",
      confirmation: "Confirm password",
      consent: /privacy notice and agree/,
      submit: "Activate my account",
      consentRequired: "Accept the privacy notice",
      weak: "This password is too common.",
      used: "Your account is already active",
      toLogin: "Go to sign in",
      unknown: "Invalid link",
    },
    invites: (broker: string) => `${broker} invites you to follow the purchase`,
    greeting: (name: string) => `Hello ${name}`,
    welcome: "Your account is active",
    nav: "Portal menu",
    openMenu: "Open menu",
    modules: { documents: "Documents", messages: "Messages", taches: "Tasks" },
    statut: "Inspection",
    time: "2:30 p.m.",
    price: "$450,000.00",
    newBadge: "New",
    view: "View",
    download: "Download",
    composer: "Your message",
    sending: "Sending…",
    taskDone: "Task completed",
    forbidden: "Access denied",
    documentGone: "Document not found",
    login: { email: "Email", password: "Password", submit: "Sign in" },
    disabled: "This account is disabled.",
  },
} as const;

/** Opens a module from the portal's own menu: the sidebar, or the drawer on a phone. */
async function openModule(
  page: Page,
  locale: Locale,
  device: Device,
  module: "documents" | "messages" | "taches",
) {
  const w = words[locale];
  if (device === "phone") {
    await page.getByRole("button", { name: w.openMenu }).click();
    await page.getByRole("dialog").getByRole("link", { name: w.modules[module] }).click();
  } else {
    await page
      .getByRole("navigation", { name: w.nav })
      .getByRole("link", { name: new RegExp(`^${w.modules[module]}`) })
      .click();
  }
  await expect(page).toHaveURL(new RegExp(`/${locale}${HOME}/${module}$`));
}

/**
 * The page's own content. A streamed page keeps a hidden copy of late content outside <main>
 * for a moment (React throttles Suspense reveals), which text queries would otherwise see.
 */
const main = (page: Page) => page.getByRole("main");

async function checkPage(page: Page, name: string) {
  await expectNoAxeViolations(page, name);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

for (const locale of ["fr", "en"] as const) {
  for (const device of ["desktop", "phone"] as const) {
    test.describe(`${locale} ${device}`, () => {
      test.use({ viewport: VIEWPORTS[device], locale: locale === "fr" ? "fr-CA" : "en-CA" });

      test("the client's journey, from the invitation email to a completed task", async ({
        page,
        context,
      }) => {
        test.setTimeout(120_000);
        const w = words[locale];
        const shot = (name: string) => `${locale}-${device}-${name}`;

        // The broker invites a client and prepares the file.
        const broker = await createBroker(locale);
        const client = await inviteClient(broker, locale);
        const file = await prepareTransaction(broker, client.transactionId, locale);

        // The client opens the link of the email they received.
        const link = await activationLinkFromEmail(client.email);
        await page.goto(link);
        await expect(
          main(page).getByText(w.invites(`${broker.firstName} ${broker.lastName}`)),
        ).toBeVisible();
        await expect(main(page).getByText(broker.email)).toBeVisible();
        await checkPage(page, shot("activation"));

        // Required fields end with a decorative « * » in their label.
        const password = page.getByLabel(new RegExp(`^${w.activation.password}\\W*$`));
        const confirmation = page.getByLabel(w.activation.confirmation);
        const submit = page.getByRole("button", { name: w.activation.submit });
        // No consent: refused before anything is sent.
        await password.fill("password123");
        await confirmation.fill("password123");
        await submit.click();
        await expect(main(page).getByText(w.activation.consentRequired)).toBeVisible();
        // A common password: the API's policy answers at the password field.
        await page.getByRole("checkbox", { name: w.activation.consent }).check();
        await submit.click();
        await expect(password).toHaveAttribute("aria-invalid", "true");
        await expect(main(page).getByText(w.activation.weak)).toBeVisible();
        await expectNoAxeViolations(page, `${link} WEAK_PASSWORD`);
        await password.fill(PASSWORD);
        await confirmation.fill(PASSWORD);
        await submit.click();

        // Signed in, on the portal.
        await expect(page).toHaveURL(`/${locale}${HOME}?bienvenue=1`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(
          w.greeting(client.firstName),
        );
        await expect(main(page).getByText(w.welcome)).toBeVisible();
        const cookies = await context.cookies();
        expect(cookies.find((c) => c.name === "portail_at")?.httpOnly).toBe(true);

        // Progression, property and the étape the broker planned.
        await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "45");
        await expect(
          page
            .getByRole("listitem")
            .filter({ has: page.locator('[aria-current="step"]') })
            .or(page.locator('li[aria-current="step"]')),
        ).toContainText(w.statut);
        await expect(main(page).getByText(w.price)).toBeVisible();
        await expect(page.getByRole("heading", { name: file.etapeTitre })).toBeVisible();
        await expect(main(page).getByText(w.time)).toBeVisible();
        await expect(main(page).getByText(file.documentName)).toBeVisible();
        await checkPage(page, shot("dashboard"));

        // Documents: the shared one is new until opened.
        await openModule(page, locale, device, "documents");
        const card = page.getByRole("listitem").filter({ hasText: file.documentName });
        await expect(card.getByText(w.newBadge, { exact: true })).toBeVisible();
        await checkPage(page, shot("documents"));
        const download = context.waitForEvent("response", (response) =>
          response
            .url()
            .includes(`/api/proxy/portail/transaction-documents/${file.documentId}/download`),
        );
        await card.getByRole("link", { name: new RegExp(`^${w.view}`) }).click();
        const opened = await download;
        expect(opened.status()).toBe(200);
        expect(opened.headers()["content-type"]).toBe("application/pdf");
        expect(opened.headers()["content-disposition"]).toMatch(/^inline/);
        // Opened on our origin, so the API's sandbox must reach the browser.
        expect((await opened.allHeaders())["content-security-policy"]).toContain("sandbox");
        for (const other of context.pages()) if (other !== page) await other.close();
        await expect(card.getByText(w.newBadge, { exact: true })).toHaveCount(0);
        await page.reload();
        // By role: a streamed page briefly holds a hidden copy of its content.
        await expect(page.getByRole("heading", { name: file.documentName })).toBeVisible();
        await expect(card.getByText(w.newBadge, { exact: true })).toHaveCount(0);

        // « Télécharger » saves the file under its own name.
        if (device === "desktop") {
          const saved = page.waitForEvent("download");
          await card.getByRole("link", { name: w.download }).click();
          expect((await saved).suggestedFilename()).toBe(file.documentName);
        }

        // Messages: the broker's message, a two-line reply sent with Enter.
        await openModule(page, locale, device, "messages");
        await expect(main(page).getByText(file.brokerMessage)).toBeVisible();
        await checkPage(page, shot("messages"));
        const composer = page.getByRole("textbox", { name: w.composer });
        await composer.fill(
          locale === "fr" ? "Merci, je le lis ce soir." : "Thanks, I’ll read it tonight.",
        );
        await composer.press("Shift+Enter");
        await composer.pressSequentially(locale === "fr" ? "À bientôt" : "See you soon");
        await composer.press("Enter");
        await expect(composer).toHaveValue("");
        const reply =
          locale === "fr"
            ? "Merci, je le lis ce soir.\nÀ bientôt"
            : "Thanks, I’ll read it tonight.\nSee you soon";
        await expect(page.getByRole("log").getByText(reply.split("\n")[0] as string)).toBeVisible();
        await expect(main(page).getByText(w.sending)).toHaveCount(0);

        // The broker sees the reply, and their own message read.
        await expect
          .poll(async () => {
            const thread = await expectOk<{
              items: Array<{ message: string; mine: boolean; lu: boolean }>;
            }>(
              await broker.api.get(
                `portail/transaction-messages/transaction/${client.transactionId}`,
              ),
            );
            return {
              reply: thread.items.some((m) => !m.mine && m.message === reply),
              read: thread.items.filter((m) => m.mine).every((m) => m.lu),
            };
          })
          .toEqual({ reply: true, read: true });

        // A new message from the broker shows up without reloading.
        const followUp = locale === "fr" ? "Parfait, merci Camille!" : "Great, thank you Camille!";
        await expectOk(
          await broker.api.post("portail/transaction-messages", {
            data: { transaction_id: client.transactionId, message: followUp },
          }),
        );
        await expect(page.getByRole("log").getByText(followUp)).toBeVisible({ timeout: 15_000 });

        // Tâches: complete the broker's task.
        await openModule(page, locale, device, "taches");
        await checkPage(page, shot("taches"));
        await page.getByRole("checkbox", { name: file.tacheTitre }).check();
        await expect(page.getByText(w.taskDone, { exact: true })).toBeVisible();
        await expect
          .poll(async () => {
            const tache = await expectOk<{ items: Array<{ id: number; completee: boolean }> }>(
              await broker.api.get(
                `portail/transaction-taches/transaction/${client.transactionId}`,
              ),
            );
            return tache.items.find((t) => t.id === file.tacheId)?.completee;
          })
          .toBe(true);

        // Back home: the task is gone from « Tâches à compléter ».
        await page.goto(`/${locale}${HOME}`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(
          w.greeting(client.firstName),
        );
        await expect(page.getByRole("checkbox", { name: file.tacheTitre })).toHaveCount(0);
        if (device === "phone") {
          await page.getByRole("button", { name: w.openMenu }).click();
          await expectNoAxeViolations(page, `${locale} phone menu`, { modalOpen: true });
          await page.screenshot({ path: `${SCREENSHOTS}/${shot("menu")}.png` });
        }
        await broker.api.dispose();
      });
    });
  }
}

for (const locale of ["fr", "en"] as const) {
  test.describe(`${locale} access rules`, () => {
    test.use({ locale: locale === "fr" ? "fr-CA" : "en-CA" });
    const w = words[locale];

    async function signIn(page: Page, email: string) {
      await page.goto(`/${locale}/login`);
      await page.getByLabel(w.login.email).fill(email);
      await page.getByLabel(w.login.password).fill(PASSWORD);
      await page.getByRole("button", { name: w.login.submit }).click();
    }

    test("a closed module leaves the menu, and its URL says « Accès refusé »", async ({ page }) => {
      const broker = await createBroker(locale);
      const client = await inviteClient(broker, locale);
      const file = await prepareTransaction(broker, client.transactionId, locale);
      await activateDirectly(await activationLinkFromEmail(client.email));
      await expectOk(
        await broker.api.put(`client-invitations/${client.invitationId}`, {
          data: { acces_documents: false },
        }),
      );

      await signIn(page, client.email);
      await expect(page).toHaveURL(`/${locale}${HOME}`);
      const nav = page.getByRole("navigation", { name: w.nav });
      await expect(
        nav.getByRole("link", { name: new RegExp(`^${w.modules.messages}`) }),
      ).toBeVisible();
      await expect(nav.getByRole("link", { name: w.modules.documents })).toHaveCount(0);

      await page.goto(`/${locale}${HOME}/documents`);
      await expect(page.getByRole("heading", { level: 1, name: w.forbidden })).toBeVisible();
      await checkPage(page, `${locale}-desktop-forbidden`);
      // The open link of a document is closed too.
      await page.goto(`/${locale}${HOME}/documents/${file.documentId}/ouvrir?disposition=inline`);
      await expect(page.getByRole("heading", { level: 1, name: w.forbidden })).toBeVisible();
      await broker.api.dispose();
    });

    test("one client cannot open another client's document", async ({ page }) => {
      const broker = await createBroker(locale);
      const owner = await inviteClient(broker, locale, "Alexis");
      const file = await prepareTransaction(broker, owner.transactionId, locale);
      const stranger = await inviteClient(broker, locale, "Jordan");
      await activateDirectly(await activationLinkFromEmail(stranger.email));

      await signIn(page, stranger.email);
      await expect(page).toHaveURL(`/${locale}${HOME}`);
      await page.goto(
        `/${locale}${HOME}/documents/${file.documentId}/ouvrir?disposition=attachment`,
      );
      await expect(page).toHaveURL(`/${locale}${HOME}/documents?introuvable=1`);
      await expect(main(page).getByText(w.documentGone)).toBeVisible();
      await expect(main(page).getByText(file.documentName)).toHaveCount(0);
      // Nor through the API door, with or without a download token.
      const status = (path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);
      expect(await status(`/api/proxy/portail/transaction-documents/${file.documentId}`)).toBe(404);
      expect(
        await status(
          `/api/proxy/portail/transaction-documents/${file.documentId}/download?token=x`,
        ),
      ).toBe(404);
      await broker.api.dispose();
    });

    test("a deactivated client is cut off and cannot sign in", async ({ page }) => {
      const broker = await createBroker(locale);
      const client = await inviteClient(broker, locale);
      await activateDirectly(await activationLinkFromEmail(client.email));
      await signIn(page, client.email);
      await expect(page).toHaveURL(`/${locale}${HOME}`);

      await expectOk(
        await broker.api.put(`client-invitations/${client.invitationId}`, {
          data: { statut: "inactif" },
        }),
      );
      await page.reload();
      await expect(page).toHaveURL(new RegExp(`/${locale}/login`));
      await signIn(page, client.email);
      await expect(main(page).getByText(w.disabled)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${locale}/login`));
      await broker.api.dispose();
    });

    test("used and unknown activation links explain themselves", async ({ page }) => {
      const broker = await createBroker(locale);
      const client = await inviteClient(broker, locale);
      const link = await activationLinkFromEmail(client.email);
      await activateDirectly(link);

      await page.goto(link);
      await expect(page.getByRole("heading", { level: 1, name: w.activation.used })).toBeVisible();
      await checkPage(page, `${locale}-activation-used`);
      await page.getByRole("link", { name: w.activation.toLogin }).click();
      await expect(page).toHaveURL(`/${locale}/login`);

      await page.goto(`/${locale}/portail-client/activation/not-a-real-token`);
      await expect(
        page.getByRole("heading", { level: 1, name: w.activation.unknown }),
      ).toBeVisible();
      await checkPage(page, `${locale}-activation-unknown`);
      await broker.api.dispose();
    });
  });
}
