import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.ts";

/** The one database type the data layer is written against (PGlite and node-postgres alike). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Rows of a raw `db.execute()`: both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * apps/api/drizzle, found by walking up from this module: it runs from src/db/ under tsx and
 * from dist/ (or a chunk under dist/chunks/) once bundled, so a fixed relative path would break.
 */
export const MIGRATIONS_FOLDER = findMigrationsFolder(path.dirname(fileURLToPath(import.meta.url)));

function findMigrationsFolder(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "drizzle");
    if (existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
    if (path.dirname(dir) === dir) {
      throw new Error(`No drizzle/meta/_journal.json in ${from} or any parent directory`);
    }
  }
}

/**
 * Counts SQL statements per async context. Tests and benchmarks use it to prove a page's
 * data comes in a constant number of queries.
 */
const queryCounter = new AsyncLocalStorage<{ count: number }>();
const countingLogger: Logger = {
  logQuery() {
    const store = queryCounter.getStore();
    if (store) store.count += 1;
  },
};

export async function countQueries<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; queries: number }> {
  const store = { count: 0 };
  // Awaited inside the context: a lazy promise (a drizzle query, app.inject) only runs when
  // awaited, and must run while the counter is active.
  const result = await queryCounter.run(store, async () => await fn());
  return { result, queries: store.count };
}

/**
 * Runs `fn` (and everything it schedules) counting into `store`: the benchmark-only
 * per-request counter (plugins/benchmark-metrics.ts) enters it from Fastify hooks.
 */
export function runCountingQueries(store: { count: number }, fn: () => void): void {
  queryCounter.run(store, fn);
}

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  poolMax?: number;
  /** Told about errors on idle pooled connections (they are otherwise harmless). */
  onPoolError?: (error: Error) => void;
  /** Test hook: an already open PGlite (in-memory) instance. */
  pglite?: PGlite;
}

/** Bounds the statements one connection keeps prepared (a variant-rich query cannot grow it forever). */
const MAX_PREPARED_PER_CONNECTION = 500;

/**
 * A pooled connection that runs every parameterized statement as a named prepared statement,
 * named after its text. PostgreSQL then parses each statement once per connection and reuses a
 * generic plan after five runs: planning cost more than executing for most of our statements
 * (bench/results/2026-11-24-findings.md). Plain-text queries (migrations, `select 1`) and
 * statements past the bound run unnamed as before. Needs a direct connection or a pooler that
 * supports prepared statements (PgBouncer ≥ 1.21 with max_prepared_statements).
 */
class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  // biome-ignore lint/suspicious/noExplicitAny: forwards pg's overloaded query() unchanged
  override query(config: any, values?: any, callback?: any): any {
    if (
      typeof config === "object" &&
      config !== null &&
      typeof config.text === "string" &&
      config.name === undefined &&
      (values?.length ?? config.values?.length ?? 0) > 0
    ) {
      const name = `p_${createHash("sha1").update(config.text).digest("base64url")}`;
      if (this.prepared.has(name) || this.prepared.size < MAX_PREPARED_PER_CONNECTION) {
        this.prepared.add(name);
        return super.query({ ...config, name }, values, callback);
      }
    }
    return super.query(config, values, callback);
  }
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      Client: PreparingClient,
      max: options.poolMax ?? 10,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection can be dropped by the server (restart, failover, a dropped test
    // database); without a listener that error would crash the process. The next query
    // simply opens a new connection.
    pool.on("error", (error) => {
      options.onPoolError?.(error);
    });
    const db = drizzlePg({ client: pool, schema, logger: countingLogger }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      migrate: () =>
        migratePg(drizzlePg({ client: pool }), { migrationsFolder: MIGRATIONS_FOLDER }),
      ping: async () => {
        await pool.query("select 1");
      },
      close: () => pool.end(),
    };
  }

  let client = options.pglite;
  if (!client) {
    const dir = path.resolve(options.dataDir, "pglite");
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  const pglite = client;
  const db = drizzlePglite({ client: pglite, schema, logger: countingLogger }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () =>
      migratePglite(drizzlePglite({ client: pglite }), { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await pglite.query("select 1");
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
