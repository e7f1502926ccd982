import { expect, test } from "@playwright/test";
import { DEMO_BROKER, DEMO_CLIENT, expectNoAxeViolations, login, registerBroker } from "./helpers";

const CLIENTS = "/fr/dashboard/portail-client/courtier/clients";
const CLIENT_HOME = "/fr/dashboard/portail-client/client";

test("tokens live only in httpOnly cookies", async ({ page, context }) => {
  await registerBroker(page);
  const cookies = await context.cookies();
  for (const name of ["portail_at", "portail_rt"]) {
    const cookie = cookies.find((c) => c.name === name);
    expect(cookie, name).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  }
  expect(await page.evaluate(() => document.cookie)).not.toContain("portail_");
});

test("an expired access token is renewed once for concurrent requests", async ({
  page,
  context,
}) => {
  await registerBroker(page);
  const refreshBefore = (await context.cookies()).find((c) => c.name === "portail_rt")?.value;
  // As if the access token had expired: only the refresh cookie is left.
  await context.clearCookies({ name: "portail_at" });

  // A page load fires several requests at once, all with the same refresh token. Were each to
  // refresh, the API would see a reused token and revoke the session.
  const responses = await Promise.all(
    Array.from({ length: 4 }, () => page.request.get("/fr/dashboard")),
  );
  for (const response of responses) {
    expect(response.status()).toBe(200);
    expect(response.url()).toMatch(/\/fr\/dashboard$/);
  }

  const after = await context.cookies();
  expect(after.find((c) => c.name === "portail_rt")?.value).not.toBe(refreshBefore);
  expect(after.find((c) => c.name === "portail_at")).toBeDefined();

  // The session survived: pages still open without signing in again.
  await page.goto(CLIENTS);
  await expect(page).toHaveURL(CLIENTS);
});

test("a revoked session sends to login and back", async ({ page, context }) => {
  await registerBroker(page);
  await context.clearCookies();
  await context.addCookies([
    {
      name: "portail_rt",
      value: "not-a-real-token",
      domain: "localhost",
      path: "/",
      httpOnly: true,
    },
  ]);
  await page.goto(CLIENTS);
  await expect(page).toHaveURL(`/fr/login?next=${encodeURIComponent(CLIENTS)}`);
  // The dead cookie was removed rather than tried again on every request.
  expect((await context.cookies()).find((c) => c.name === "portail_rt")).toBeUndefined();
});

test("each role is kept to its own pages", async ({ page, context }) => {
  await login(page, DEMO_CLIENT.email, DEMO_CLIENT.password);
  await expect(page).toHaveURL(CLIENT_HOME);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Bonjour ${DEMO_CLIENT.firstName}`,
  );
  // A client never sees the broker's menu.
  await expect(page.getByRole("link", { name: "Liste des clients" })).toHaveCount(0);
  await expectNoAxeViolations(page, CLIENT_HOME);

  for (const brokerPage of ["/fr/dashboard", CLIENTS, `${CLIENTS}/inviter`]) {
    await page.goto(brokerPage);
    await expect(page, brokerPage).toHaveURL(CLIENT_HOME);
  }

  await context.clearCookies();
  await registerBroker(page);
  await page.goto(CLIENT_HOME);
  await expect(page).toHaveURL(CLIENTS);
});

test("the same-origin API door", async ({ page, context }) => {
  await registerBroker(page);
  const status = (path: string, init?: RequestInit) =>
    page.evaluate(
      async ([p, i]) => (await fetch(p as string, i as RequestInit | undefined)).status,
      [path, init] as const,
    );

  // The page's own script reaches the API with the session, without ever holding the token.
  expect(await status("/api/proxy/client-invitations")).toBe(200);
  // Paths whose answers carry tokens stay closed.
  expect(await status("/api/proxy/auth/me")).toBe(404);
  expect(await status("/api/proxy/auth/refresh", { method: "POST" })).toBe(404);

  // Another site cannot use the visitor's cookies through it.
  const crossSite = await page.request.post("/api/proxy/client-invitations", {
    headers: { origin: "https://evil.example" },
    data: {},
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toMatchObject({ error: { code: "FORBIDDEN" } });

  await context.clearCookies();
  expect(await status("/api/proxy/client-invitations")).toBe(401);
});

test("uploads stream through the door, and the API's refusals come back", async ({ page }) => {
  await login(page, DEMO_BROKER.email, DEMO_BROKER.password);
  await expect(page).toHaveURL("/fr/dashboard");

  const results = await page.evaluate(async () => {
    const list = await (await fetch("/api/proxy/portail/transactions/courtier")).json();
    const transactionId = String(list.items[0].id);
    const upload = async (name: string, bytes: Uint8Array<ArrayBuffer>, type: string) => {
      const form = new FormData();
      form.set("transaction_id", transactionId);
      form.set("categorie", "Test e2e");
      form.set("file", new File([bytes], name, { type }));
      const response = await fetch("/api/proxy/portail/transaction-documents", {
        method: "POST",
        body: form,
      });
      return { status: response.status, body: await response.json() };
    };
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    // 26 MB: over the API's 25 MB limit, refused before it has all been read.
    const tooBig = new Uint8Array(26 * 1024 * 1024);
    tooBig.set(pdf);
    return {
      ok: await upload("offre.pdf", pdf, "application/pdf"),
      tooBig: await upload("gros.pdf", tooBig, "application/pdf"),
    };
  });

  expect(results.ok.status).toBe(201);
  expect(results.ok.body).toMatchObject({ nom: "offre.pdf", type: "pdf" });
  expect(results.tooBig.status).toBe(413);
  expect(results.tooBig.body).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
});
