// `npm run bench [-- --size small|large|small,large] [--skip-pages] [--skip-uploads]`: builds
// the API, runs it in production mode on each size's database, measures and loads it from
// this process (25 MB uploads first, on the freshly started process), then Lighthouse on the
// web app's production build.
// Results: bench/results/<date>_<time>.{json,md}. Settings: bench/README.md.

import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type ApiProcess, buildApi, startApi, startSmtpSink } from "./api-server.ts";
import {
  BENCH_DIR,
  databaseUrlOf,
  dataDirOf,
  PER_TRANSACTION,
  parseSizes,
  REPO_ROOT,
  rowCounts,
  SIZES,
  type Size,
  withClient,
} from "./common.ts";
import { endpoints, measure, POSTED_PREFIX, signIn, type Users } from "./load.ts";
import { describeMachine } from "./machine.ts";
import { measurePages } from "./pages.ts";
import { compare, type Report, save, toMarkdown } from "./report.ts";
import { measureUploads, UPLOAD_CATEGORY } from "./uploads.ts";

const args = process.argv.slice(2);
const num = (name: string, fallback: number) => {
  const value = process.env[name];
  return value === undefined || value === "" ? fallback : Number(value);
};
const settings = {
  sizes: parseSizes(args),
  connections: num("BENCH_CONNECTIONS", 32),
  duration: num("BENCH_DURATION", 10),
  warmup: num("BENCH_WARMUP", 2),
  clients: num("BENCH_CLIENTS", 200),
  brokers: num("BENCH_BROKERS", 100),
  apiPort: num("BENCH_API_PORT", 8571),
  webPort: num("BENCH_WEB_PORT", 3571),
  only: process.env.BENCH_ONLY?.split(",").map((s) => s.trim()),
  pages: !args.includes("--skip-pages") && process.env.BENCH_PAGES !== "0",
  uploads: !args.includes("--skip-uploads") && process.env.BENCH_UPLOADS !== "0",
};

/** Row counts, or null when the database is missing or not the generator's. */
async function countRows(size: Size): Promise<Record<string, number> | null> {
  try {
    return await withClient(databaseUrlOf(size), rowCounts);
  } catch {
    return null;
  }
}

/**
 * Removes what earlier runs added (posted messages, uploaded documents and their files, sign-in
 * sessions), so every run measures the generated data and nothing more.
 */
async function resetRunData(size: Size) {
  await withClient(databaseUrlOf(size), async (db) => {
    const { rows } = await db.query<{ storage_key: string }>(
      `delete from transaction_documents where categorie = $1 returning storage_key`,
      [UPLOAD_CATEGORY],
    );
    for (const { storage_key } of rows) {
      rmSync(path.join(dataDirOf(size), "files", ...storage_key.split("/")), { force: true });
    }
    await db.query("delete from transaction_messages where message like $1", [`${POSTED_PREFIX}%`]);
    await db.query("delete from auth_sessions");
    for (const table of [
      "transaction_documents",
      "transaction_messages",
      "auth_sessions",
      "refresh_tokens",
    ]) {
      await db.query(`vacuum (analyze) ${table}`);
    }
  });
}

/** Seeds the size when its database or files are missing (a fresh clone). */
async function ensureSeeded(size: Size) {
  const { brokers, clientsPerBroker } = SIZES[size];
  const clients = brokers * clientsPerBroker;
  let counts = await countRows(size);
  if (counts) {
    await resetRunData(size);
    counts = await countRows(size);
  }
  const filesOk = existsSync(path.join(dataDirOf(size), "files", "bench-sources"));
  if (
    counts &&
    filesOk &&
    counts.client_invitations === clients &&
    counts.transaction_documents === clients * PER_TRANSACTION.documents &&
    counts.transaction_messages === clients * PER_TRANSACTION.messages
  ) {
    return counts;
  }
  console.log(`portail_bench_${size} missing or incomplete: seeding it`);
  const result = spawnSync("npx", ["tsx", "src/seed.ts", "--size", size], {
    cwd: BENCH_DIR,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`seeding ${size} failed`);
  return (await countRows(size))!;
}

interface Running {
  size: Size;
  api: ApiProcess;
  db: pg.Client;
  users: Users;
}

async function main() {
  const machine = await describeMachine();
  console.log(
    `Bench on ${machine.cores} cores, ${machine.memory_gib} GiB, Node ${machine.node}, ${machine.postgres}; load ${machine.loadavg_start.join(" ")}`,
  );
  buildApi();
  const smtp = await startSmtpSink();
  const report: Report = {
    machine,
    command: [
      ...Object.entries(process.env)
        .filter(([key]) => key.startsWith("BENCH_") || key === "DATABASE_URL")
        .map(([key, value]) => `${key}=${value}`),
      `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`,
    ].join(" "),
    settings: {
      connections: settings.connections,
      duration_s: settings.duration,
      warmup_s: settings.warmup,
      api_log_level: process.env.BENCH_API_LOG_LEVEL ?? "info",
    },
    sizes: {},
    comparison: [],
  };
  // Every size's API runs at once, and each endpoint is measured at every size back to back:
  // the machine's load drifts (other engineers), and the large/small ratio should not.
  const running: Running[] = [];
  try {
    for (const [index, size] of settings.sizes.entries()) {
      const rows = await ensureSeeded(size);
      console.log(`\n== ${size}: starting the API (production build) on portail_bench_${size}`);
      const api = await startApi(size, { port: settings.apiPort + index, smtpPort: smtp.port });
      const db = new pg.Client({ connectionString: databaseUrlOf(size) });
      running.push({ size, api, db, users: { clients: [], brokers: [] } });
      await db.connect();
      const users = await signIn(size, api.url, {
        clients: settings.clients,
        brokers: settings.brokers,
      });
      running.at(-1)!.users = users;
      console.log(
        `  signed in ${users.clients.length} clients and ${users.brokers.length} brokers`,
      );
      report.sizes[size] = {
        rows,
        signed_in: { clients: users.clients.length, brokers: users.brokers.length },
        endpoints: [],
      };
    }

    // Uploads first, on a process that has only signed users in: measured after the load tests,
    // the heap they left behind (up to 160 MiB) made the RSS growth a figure about the garbage
    // collector, not the uploads.
    for (const { size, api, users } of settings.uploads ? running : []) {
      const data = report.sizes[size]!;
      try {
        data.uploads = await measureUploads(size, api.url, api.pid, users.brokers[0]!, {
          megabytes: 25,
          times: 3,
        });
        console.log(
          `  ${size.padEnd(6)} uploads: RSS ${data.uploads.rss_before_mib} → peak ${data.uploads.rss_peak_mib} MiB; ` +
            data.uploads.runs.map((r) => `${r.upload_ms}/${r.download_ms} ms`).join(", "),
        );
      } catch (error) {
        data.uploads = { error: (error as Error).message };
        console.log(`  ${size} uploads failed: ${(error as Error).message}`);
      }
    }

    const names = endpoints(running[0]!.users)
      .map((e) => e.name)
      .filter((name) => name === "baseline" || !settings.only || settings.only.includes(name));
    console.log("");
    for (const name of names) {
      for (const { size, api, db, users } of running) {
        const endpoint = endpoints(users).find((e) => e.name === name)!;
        const data = report.sizes[size]!;
        const result = await measure(api.url, api.pid, endpoint, settings, db);
        const baseline = data.endpoints[0];
        if (baseline && baseline.rps > 0) {
          result.vs_baseline = Math.round((result.rps / baseline.rps) * 100) / 100;
        }
        data.endpoints.push(result);
        console.log(
          `  ${size.padEnd(6)} ${name.padEnd(15)} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50_ms} ms  p99 ${result.p99_ms} ms  ` +
            `errors ${result.errors}  non-2xx ${result.non_2xx}  SQL/req ${result.sql_per_request ?? "–"}`,
        );
      }
    }

    // Pages last (other engineers are still finishing them), on the last size's API.
    const last = running.at(-1);
    if (settings.pages && last) {
      console.log("\n== pages: Lighthouse on the web app's production build");
      report.pages = await measurePages(last.size, last.api.url, {
        port: settings.webPort,
        waitForBuildsS: num("BENCH_WAIT_FOR_BUILDS", 300),
        build: process.env.BENCH_WEB_BUILD !== "0",
      });
    }
  } finally {
    for (const { api, db } of running) {
      await db.end().catch(() => {});
      await api.stop();
    }
    await smtp.close();
  }
  report.machine.loadavg_end = os.loadavg().map((l) => Math.round(l * 100) / 100);
  compare(report);
  const file = save(report);
  console.log(`\n${toMarkdown(report)}`);
  console.log(`Saved ${path.relative(REPO_ROOT, file)} and its .json`);
}

await main();
