import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// End-to-end journeys against the real API and the production build of the web app.
// Ports differ from `npm start`'s (8000/3000) so a running dev stack is left alone.
const apiPort = process.env.E2E_API_PORT ?? "8200";
const webPort = process.env.E2E_WEB_PORT ?? "3200";
const webUrl = `http://localhost:${webPort}`;
// The suite's own SMTP server (e2e/mail-catcher.mjs): the API really sends its emails there.
const smtpPort = process.env.E2E_SMTP_PORT ?? String(Number(apiPort) + 25);
const mailHttpPort = process.env.E2E_MAIL_HTTP_PORT ?? String(Number(apiPort) + 26);
process.env.E2E_MAIL_URL = `http://127.0.0.1:${mailHttpPort}`;
process.env.E2E_API_URL = `http://127.0.0.1:${apiPort}`;

// Debian's Chromium by default (never `playwright install` here); CHROMIUM_PATH overrides it,
// and without either Playwright uses its own browser.
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// A throwaway database per run: a fresh PostgreSQL database created on the DATABASE_URL server
// (and dropped afterwards) by scripts/with-temp-db.mjs, or an embedded one in a temp dir.
const databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
const dataDir = mkdtempSync(join(tmpdir(), "portail-e2e-"));

// `E2E_WEB_MODE=dev` skips the production build while iterating on tests.
const webCommand =
  process.env.E2E_WEB_MODE === "dev"
    ? "npx next dev --port $PORT"
    : process.env.E2E_SKIP_BUILD === "1"
      ? "npx next start --port $PORT"
      : "npx next build && npx next start --port $PORT";

export default defineConfig({
  testDir: "./e2e",
  // Two cores run the API, the web server and the browser: one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: webUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "fr-CA",
    timezoneId: "America/Toronto",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", headless: true } }],
  webServer: [
    {
      name: "mail",
      command: "node e2e/mail-catcher.mjs",
      url: `${process.env.E2E_MAIL_URL}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: { E2E_SMTP_PORT: smtpPort, E2E_MAIL_HTTP_PORT: mailHttpPort },
    },
    {
      name: "api",
      command: "node scripts/with-temp-db.mjs npm run start -w @portail/api",
      cwd: "../..",
      url: `http://127.0.0.1:${apiPort}/health/ready`,
      timeout: 120_000,
      // SIGTERM lets the API close and the wrapper drop its temporary database.
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: apiPort,
        LOG_LEVEL: "warn",
        FRONTEND_URL: webUrl,
        DATA_DIR: dataDir,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        // Emails go over SMTP to the suite's catcher, as they would to a real mail server.
        MAIL_WORKER: "true",
        MAIL_SERVER: "127.0.0.1",
        MAIL_PORT: smtpPort,
        MAIL_POLL_MS: "200",
        // Every sign-in of the suite comes from one address.
        RATE_LIMIT_AUTH_PER_IP: "1000",
        RATE_LIMIT_AUTH_PER_EMAIL: "1000",
      },
    },
    {
      name: "web",
      command: webCommand,
      url: `${webUrl}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: webPort,
        API_URL: `http://127.0.0.1:${apiPort}`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
