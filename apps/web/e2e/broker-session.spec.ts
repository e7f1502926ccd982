import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, type Locale, text, uniqueEmail } from "./helpers";

const PASSWORD = "une longue phrase pour le portail 2026";

for (const locale of ["fr", "en"] as const satisfies Locale[]) {
  const t = text[locale];

  test.describe(`broker session (${locale})`, () => {
    test("registers, lands on the dashboard, signs out and back in", async ({ page }) => {
      const email = uniqueEmail(locale);
      const firstName = locale === "fr" ? "Émilie" : "Emily";
      const lastName = locale === "fr" ? "Tremblay" : "Smith";

      await page.goto(`/${locale}/register`);
      await expectNoAxeViolations(page, `/${locale}/register`);

      // The client-side check speaks the page's language and sends nothing.
      await page.getByRole("button", { name: t.register.submit }).click();
      await expect(page.getByLabel(t.register.firstName)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel(t.register.firstName)).toBeFocused();
      await expectNoAxeViolations(page, `/${locale}/register with errors`);

      await page.getByLabel(t.register.firstName).fill(firstName);
      await page.getByRole("textbox", { name: t.register.lastName, exact: true }).fill(lastName);
      await page.getByLabel(t.register.email).fill(email);
      await page.getByLabel(t.register.telephone).fill("514 555-0199");
      await page.getByLabel(t.register.password).fill(PASSWORD);
      await page.getByRole("button", { name: t.register.submit }).click();

      await expect(page).toHaveURL(`/${locale}/dashboard`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.greeting(firstName));
      await expectNoAxeViolations(page, `/${locale}/dashboard`);

      // The sidebar highlights the page in either language.
      const nav = page.getByRole("navigation", {
        name: locale === "fr" ? "Menu principal" : "Main menu",
      });
      await expect(nav.getByRole("link", { name: t.nav.home })).toHaveAttribute(
        "aria-current",
        "page",
      );
      await nav.getByRole("link", { name: t.nav.clients }).click();
      await expect(page).toHaveURL(`/${locale}/dashboard/portail-client/courtier/clients`);
      await expect(nav.getByRole("link", { name: t.nav.clients })).toHaveAttribute(
        "aria-current",
        "page",
      );
      await expect(nav.getByRole("link", { name: t.nav.home })).not.toHaveAttribute("aria-current");
      await expectNoAxeViolations(page, `/${locale}/dashboard/portail-client/courtier/clients`);

      await nav.getByRole("link", { name: t.nav.invite }).click();
      await expect(page).toHaveURL(`/${locale}/dashboard/portail-client/courtier/clients/inviter`);
      await expect(nav.getByRole("link", { name: t.nav.invite })).toHaveAttribute(
        "aria-current",
        "page",
      );
      await expectNoAxeViolations(
        page,
        `/${locale}/dashboard/portail-client/courtier/clients/inviter`,
      );

      // Sign out from the user menu.
      await page.getByRole("button", { name: t.userMenu(`${firstName} ${lastName}`) }).click();
      await expectNoAxeViolations(page, `/${locale} user menu open`);
      await page.getByRole("menuitem", { name: t.logout }).click();
      await expect(page).toHaveURL(`/${locale}/login?loggedOut=1`);
      await expect(page.getByRole("status").filter({ hasText: t.loggedOut })).toBeVisible();
      await expectNoAxeViolations(page, `/${locale}/login`);

      // The session is gone: a protected page sends to login and back after signing in.
      await page.goto(`/${locale}/dashboard/portail-client/courtier/clients`);
      await expect(page).toHaveURL(
        `/${locale}/login?next=${encodeURIComponent(`/${locale}/dashboard/portail-client/courtier/clients`)}`,
      );
      await expect(page.getByText(t.signInToContinue)).toBeVisible();
      await page.getByLabel(t.login.email).fill(email.toUpperCase());
      await page.getByLabel(t.login.password).fill(PASSWORD);
      await page.getByRole("button", { name: t.login.submit }).click();
      await expect(page).toHaveURL(`/${locale}/dashboard/portail-client/courtier/clients`);

      // Signed in, the login page is not shown again.
      await page.goto(`/${locale}/login`);
      await expect(page).toHaveURL(`/${locale}/dashboard`);

      // A taken email is reported at the email field.
      await page.context().clearCookies();
      await page.goto(`/${locale}/register`);
      await page.getByLabel(t.register.firstName).fill(firstName);
      await page.getByRole("textbox", { name: t.register.lastName, exact: true }).fill(lastName);
      await page.getByLabel(t.register.email).fill(email);
      await page.getByLabel(t.register.password).fill(PASSWORD);
      await page.getByRole("button", { name: t.register.submit }).click();
      await expect(page.getByLabel(t.register.email)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(t.emailTaken)).toBeVisible();
      // What was typed is still there.
      await expect(page.getByLabel(t.register.firstName)).toHaveValue(firstName);
      await expectNoAxeViolations(page, `/${locale}/register EMAIL_TAKEN`);

      // A common password is refused at the password field.
      await page.getByLabel(t.register.email).fill(uniqueEmail(`${locale}-weak`));
      await page.getByLabel(t.register.password).fill("password123");
      await page.getByRole("button", { name: t.register.submit }).click();
      await expect(page.getByLabel(t.register.password)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(t.weakPassword)).toBeVisible();
    });

    test("password reset pages", async ({ page }) => {
      await page.goto(`/${locale}/login`);
      await page.getByRole("link", { name: t.forgot.link }).click();
      await expect(page).toHaveURL(`/${locale}/forgot-password`);
      await expectNoAxeViolations(page, `/${locale}/forgot-password`);
      await page.getByLabel(t.login.email).fill(uniqueEmail("nobody"));
      await page.getByRole("button", { name: t.forgot.submit }).click();
      await expect(page.getByText(t.forgot.sent)).toBeVisible();
      await expectNoAxeViolations(page, `/${locale}/forgot-password sent`);

      await page.goto(`/${locale}/reset-password/not-a-real-token`);
      await expectNoAxeViolations(page, `/${locale}/reset-password/[token]`);
      await page.getByLabel(t.reset.password).fill(PASSWORD);
      await page.getByLabel(t.reset.confirmation).fill(PASSWORD);
      await page.getByRole("button", { name: t.reset.submit }).click();
      await expect(page.getByText(t.reset.unknown)).toBeVisible();
      await expectNoAxeViolations(page, `/${locale}/reset-password unknown link`);
    });
  });
}

test("the locale switch keeps the page, and / picks a locale", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/(fr|en)\/login$/);

  await page.goto("/fr/forgot-password");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL("/en/forgot-password");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-CA");
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL("/fr/forgot-password");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
});

test("unknown pages answer 404 in the page's language", async ({ page }) => {
  const response = await page.goto("/en/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: text.en.notFound })).toBeVisible();
  await expectNoAxeViolations(page, "/en/does-not-exist");
});

test("phone layout: the menu opens as a drawer", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const email = uniqueEmail("phone");
  await page.goto("/fr/register");
  await page.getByLabel("Prénom").fill("Chloé");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Gagnon");
  await page.getByLabel("Courriel").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page).toHaveURL("/fr/dashboard");
  await expectNoAxeViolations(page, "/fr/dashboard on a phone");

  await page.getByRole("button", { name: "Ouvrir le menu" }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expectNoAxeViolations(page, "/fr/dashboard drawer open", { modalOpen: true });
  await drawer.getByRole("link", { name: "Inviter un client" }).click();
  await expect(page).toHaveURL("/fr/dashboard/portail-client/courtier/clients/inviter");
  await expect(drawer).toBeHidden();
});
