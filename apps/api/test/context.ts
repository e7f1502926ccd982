import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { type App, buildApp } from "../src/app.ts";
import { type Config, loadConfig } from "../src/config.ts";
import { type Database, openDatabase } from "../src/db/client.ts";

/**
 * A database of the test file's own: a fresh PostgreSQL database created from DATABASE_URL
 * (and dropped afterwards) when it is set, otherwise an in-memory PGlite loaded from a migrated
 * template (test/global-setup.ts).
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // Starts from the migrated dump made once by test/global-setup.ts (migrate is then a no-op).
    const template = inject("pgliteTemplate");
    const pglite = template
      ? new PGlite({ loadDataDir: new Blob([readFileSync(template)]) })
      : new PGlite();
    const database = openDatabase({ dataDir: "", pglite });
    await database.migrate();
    return database;
  }
  // CI sets TEST_DB_PREFIX so it can drop whatever a crashed run left behind.
  const prefix = process.env.TEST_DB_PREFIX ?? "portail_test";
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ databaseUrl: url.toString(), dataDir: "", poolMax: 5 });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    JWT_SECRET: "test-secret-that-is-long-enough-for-hs256-signing",
    FRONTEND_URL: "http://localhost:3000",
    MAIL_WORKER: "false",
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "portail-test-")),
    ...overrides,
  });
}

export interface TestContext {
  app: App;
  /** `url` is set on PostgreSQL, so a test can open a second connection pool (a replica). */
  database: Database & { url?: string };
  config: Config;
}

/**
 * Registers beforeAll/afterAll hooks that build the real app on a fresh database for the
 * current test file. Read the fields inside tests (they are set once beforeAll has run).
 * Pass a function when an override is only known in an earlier beforeAll (a server's port).
 */
export function useTestApp(
  overrides: Record<string, string> | (() => Record<string, string>) = {},
): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.config = testConfig(typeof overrides === "function" ? overrides() : overrides);
    ctx.database = await openTestDatabase();
    ctx.app = await buildApp({ config: ctx.config, database: ctx.database, logger: false });
    await ctx.app.ready();
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
    if (ctx.config) rmSync(ctx.config.dataDir, { recursive: true, force: true });
  });
  return ctx;
}
