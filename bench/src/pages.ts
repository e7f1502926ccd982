import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import puppeteer from "puppeteer-core";
import { assertPortFree, waitForReady } from "./api-server.ts";
import {
  BENCH_DIR,
  BENCH_PASSWORD,
  databaseUrlOf,
  REPO_ROOT,
  type Size,
  withClient,
} from "./common.ts";

export interface PageResult {
  page: string;
  who: "client" | "broker";
  url: string;
  final_url?: string;
  performance?: number;
  accessibility?: number;
  best_practices?: number;
  js_transfer_kib?: number;
  total_transfer_kib?: number;
  fcp_ms?: number;
  lcp_ms?: number;
  tbt_ms?: number;
  cls?: number;
  /** Every run's performance score when there were several (the median run is reported). */
  performance_runs?: number[];
  /** Audits that failed in accessibility and best practices, by id. */
  failed_audits?: string[];
  error?: string;
}

export interface PagesResult {
  status: "measured" | "skipped" | "failed";
  reason?: string;
  build_s?: number;
  form_factor: "mobile" | "desktop";
  chromium: string;
  pages: PageResult[];
}

const WEB_SRC = path.join(REPO_ROOT, "apps", "web");
/** A copy of apps/web: building there never replaces the .next that someone's `next start` serves. */
const WEB_COPY = path.join(BENCH_DIR, ".data", "web");
const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function otherNextBuilds(): number {
  try {
    return execFileSync("pgrep", ["-f", "next build"], { encoding: "utf8" }).trim().split("\n")
      .length;
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
}

/** Waits (up to `seconds`) until no other `next build` runs: two at once exhaust the machine. */
async function waitForOtherBuilds(seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (otherNextBuilds() > 0) {
    if (Date.now() > deadline) return false;
    console.log("  another `next build` is running; waiting…");
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
  return true;
}

/** Copies apps/web (sources only) and runs `next build` there: the same build as `npm run build -w @portail/web`. */
function buildWebCopy(): number {
  rmSync(WEB_COPY, { recursive: true, force: true });
  const skip = new Set([
    ".next",
    "node_modules",
    "test-results",
    "playwright-report",
    "tsconfig.tsbuildinfo",
  ]);
  cpSync(WEB_SRC, WEB_COPY, {
    recursive: true,
    filter: (source) => !skip.has(path.basename(source)),
  });
  // Its tsconfig extends the root one by a relative path (Turbopack wants a relative one).
  const tsconfigPath = path.join(WEB_COPY, "tsconfig.json");
  const tsconfig = readFileSync(tsconfigPath, "utf8").replace(
    '"../../tsconfig.base.json"',
    JSON.stringify(path.relative(WEB_COPY, path.join(REPO_ROOT, "tsconfig.base.json"))),
  );
  writeFileSync(tsconfigPath, tsconfig);
  const started = performance.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: WEB_COPY,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  return Math.round((performance.now() - started) / 100) / 10;
}

async function startWeb(port: number, apiUrl: string): Promise<ChildProcess> {
  await assertPortFree(port);
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port)], {
    cwd: WEB_COPY,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      API_URL: apiUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    // Its own process group, so stopping it stops any worker it forked.
    detached: true,
  });
  await waitForReady(`http://127.0.0.1:${port}/api/health`, child);
  return child;
}

function stopWeb(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
  return exited.finally(() => clearTimeout(timer));
}

/** The cookies the web app sets at sign-in (apps/web/src/lib/session/cookies.ts), by name. */
type SessionCookies = Record<"portail_at" | "portail_rt", string>;

const cookieHeader = (cookies: SessionCookies) =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join("; ");

async function sessionCookies(apiUrl: string, email: string): Promise<SessionCookies> {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  const tokens = (await response.json()) as { access_token: string; refresh_token: string };
  return { portail_at: tokens.access_token, portail_rt: tokens.refresh_token };
}

/** A client in the middle of the data, and the broker of one of the busiest books. */
async function pickAccounts(size: Size) {
  return withClient(databaseUrlOf(size), async (db) => {
    const { rows } = await db.query<{ client: string; broker: string; invitation_id: number }>(
      `select u.email as client, b.email as broker, ci.id as invitation_id
       from users u join client_invitations ci on ci.id = u.client_invitation_id
       join users b on b.id = ci.courtier_id
       where u.role = 'client' order by u.id offset (select count(*) / 2 from users where role = 'client') limit 1`,
    );
    return rows[0]!;
  });
}

const score = (value: number | null | undefined) =>
  value === null || value === undefined ? undefined : Math.round(value * 100);

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

function summarize(lhr: Lhr): Omit<PageResult, "page" | "who" | "url"> {
  const summary = lhr.audits["resource-summary"]?.details as
    | { items?: { resourceType: string; transferSize: number }[] }
    | undefined;
  const transfer = (type: string) =>
    Math.round((summary?.items?.find((i) => i.resourceType === type)?.transferSize ?? 0) / 102.4) /
    10;
  const metric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    return value === undefined ? undefined : Math.round(value);
  };
  const failed = ["accessibility", "best-practices"].flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${category}:${ref.id}`),
  );
  return {
    final_url: lhr.finalDisplayedUrl,
    performance: score(lhr.categories.performance?.score),
    accessibility: score(lhr.categories.accessibility?.score),
    best_practices: score(lhr.categories["best-practices"]?.score),
    js_transfer_kib: transfer("script"),
    total_transfer_kib: transfer("total"),
    fcp_ms: metric("first-contentful-paint"),
    lcp_ms: metric("largest-contentful-paint"),
    tbt_ms: metric("total-blocking-time"),
    cls: lhr.audits["cumulative-layout-shift"]?.numericValue,
    failed_audits: failed,
  };
}

/**
 * Lighthouse (default mobile profile, simulated throttling) on the production build of the web
 * app, for the plan's four client pages and two broker pages (plus the client detail page),
 * signed in through the session cookies. Never throws: a failure is recorded in the result.
 */
export async function measurePages(
  size: Size,
  apiUrl: string,
  options: { port: number; waitForBuildsS: number; build: boolean },
): Promise<PagesResult> {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  // Lighthouse's default is a mid-range phone on slow 4G; BENCH_LIGHTHOUSE_PRESET=desktop.
  const formFactor = process.env.BENCH_LIGHTHOUSE_PRESET === "desktop" ? "desktop" : "mobile";
  const runs = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1));
  const result: PagesResult = { status: "measured", form_factor: formFactor, chromium, pages: [] };
  if (!existsSync(chromium)) {
    return {
      ...result,
      status: "skipped",
      reason: `no Chromium at ${chromium} (apt-get install -y chromium)`,
    };
  }
  let web: ChildProcess | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    if (options.build || !existsSync(path.join(WEB_COPY, ".next", "BUILD_ID"))) {
      if (!(await waitForOtherBuilds(options.waitForBuildsS))) {
        return { ...result, status: "skipped", reason: "another `next build` kept running" };
      }
      result.build_s = buildWebCopy();
    }
    web = await startWeb(options.port, apiUrl);
    const base = `http://127.0.0.1:${options.port}`;
    const accounts = await pickAccounts(size);
    const cookies = {
      client: await sessionCookies(apiUrl, accounts.client),
      broker: await sessionCookies(apiUrl, accounts.broker),
    };
    const pages: { page: string; who: "client" | "broker"; path: string }[] = [
      { page: "Client: Dashboard", who: "client", path: "/fr/dashboard/portail-client/client" },
      {
        page: "Client: Documents",
        who: "client",
        path: "/fr/dashboard/portail-client/client/documents",
      },
      {
        page: "Client: Messagerie",
        who: "client",
        path: "/fr/dashboard/portail-client/client/messages",
      },
      { page: "Client: Tâches", who: "client", path: "/fr/dashboard/portail-client/client/taches" },
      {
        page: "Broker: Liste des clients",
        who: "broker",
        path: "/fr/dashboard/portail-client/courtier/clients",
      },
      {
        page: "Broker: Inviter un client",
        who: "broker",
        path: "/fr/dashboard/portail-client/courtier/clients/inviter",
      },
      {
        page: "Broker: one client (extra)",
        who: "broker",
        path: `/fr/dashboard/portail-client/courtier/clients/${accounts.invitation_id}`,
      },
    ];
    const reports = path.join(BENCH_DIR, ".data", "lighthouse");
    mkdirSync(reports, { recursive: true });
    for (const page of pages) {
      const url = `${base}${page.path}`;
      const entry: PageResult = { page: page.page, who: page.who, url: page.path };
      try {
        // One plain request first, so the measured load is not the server's first render.
        await fetch(url, {
          headers: { cookie: cookieHeader(cookies[page.who]) },
          redirect: "manual",
        });
        // Lighthouse's performance score moves between runs on a busy machine: with
        // BENCH_LIGHTHOUSE_RUNS=n, the run of median performance is kept.
        const lhrs: Lhr[] = [];
        for (let n = 0; n < runs; n++) {
          // A fresh browser profile per run, signed in through Chromium's own cookie jar (not
          // an extra Cookie header: the jar replaces it as soon as a page sets a cookie, the
          // locale, and the page's later fetches would go out signed out).
          chrome = await chromeLauncher.launch({ chromePath: chromium, chromeFlags: CHROME_FLAGS });
          const browser = await puppeteer.connect({
            browserURL: `http://127.0.0.1:${chrome.port}`,
          });
          try {
            await browser.setCookie(
              ...Object.entries(cookies[page.who]).map(([name, value]) => ({
                name,
                value,
                domain: "127.0.0.1",
                path: "/",
                httpOnly: true,
              })),
            );
            const tab = await browser.newPage();
            const run = await lighthouse(
              url,
              {
                port: chrome.port,
                output: "json",
                logLevel: "error",
                onlyCategories: ["performance", "accessibility", "best-practices"],
              },
              formFactor === "desktop" ? desktopConfig : undefined,
              tab,
            );
            if (!run) throw new Error("Lighthouse returned nothing");
            if (run.lhr.runtimeError) throw new Error(run.lhr.runtimeError.message);
            lhrs.push(run.lhr);
          } finally {
            await browser.disconnect();
            chrome.kill();
            chrome = undefined;
          }
        }
        lhrs.sort(
          (a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0),
        );
        const lhr = lhrs[Math.floor(lhrs.length / 2)]!;
        Object.assign(entry, summarize(lhr));
        if (runs > 1)
          entry.performance_runs = lhrs.map((l) => score(l.categories.performance?.score) ?? 0);
        const file = page.path.replace(/^\/fr\//, "").replace(/\//g, "_");
        writeFileSync(path.join(reports, `${file}.json`), JSON.stringify(lhr));
        if (entry.final_url && new URL(entry.final_url).pathname !== page.path) {
          entry.error = `redirected to ${new URL(entry.final_url).pathname}`;
        }
      } catch (error) {
        entry.error = (error as Error).message.split("\n")[0];
      }
      console.log(
        `  ${page.page.padEnd(30)} ${entry.error ? `error: ${entry.error}` : `perf ${entry.performance} a11y ${entry.accessibility} bp ${entry.best_practices} JS ${entry.js_transfer_kib} KiB`}`,
      );
      result.pages.push(entry);
    }
  } catch (error) {
    return { ...result, status: "failed", reason: (error as Error).message.split("\n")[0] };
  } finally {
    chrome?.kill();
    if (web) await stopWeb(web);
  }
  return result;
}
