import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** The two data sizes of issue 7: one broker's small book, and a busy brokerage. */
export const SIZES = {
  small: { brokers: 1, clientsPerBroker: 20 },
  large: { brokers: 200, clientsPerBroker: 50 },
} as const;
export type Size = keyof typeof SIZES;

/** Rows generated per transaction, at both sizes (so per-request work is comparable). */
export const PER_TRANSACTION = { etapes: 8, documents: 20, messages: 100, taches: 15 } as const;

/** Every generated account (brokers and clients) signs in with this password. */
export const BENCH_PASSWORD = "bench-portail-2026";
export const brokerEmail = (n: number) => `courtier${n}@bench.example.com`;

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = path.resolve(BENCH_DIR, "..");
/** The API's DATA_DIR for one size: stored files (and nothing else in production mode). */
export const dataDirOf = (size: Size) => path.join(BENCH_DIR, ".data", size);

/** The server of DATABASE_URL (default: the machine's PostgreSQL), and one database on it. */
export function serverUrl(): URL {
  return new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
}
export function databaseUrlOf(size: Size): string {
  const url = serverUrl();
  url.pathname = `/portail_bench_${size}`;
  return url.toString();
}

export function parseSizes(argv: string[]): Size[] {
  const flag = argv.indexOf("--size");
  const value = flag >= 0 ? argv[flag + 1] : process.env.BENCH_SIZES;
  const sizes = (value ?? "small,large").split(",").map((s) => s.trim());
  for (const size of sizes) {
    if (!(size in SIZES)) throw new Error(`Unknown size ${size}: use small, large or small,large`);
  }
  return sizes as Size[];
}

/** Runs `fn` with one connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The generated tables, in the order they are filled. */
export const TABLES = [
  "users",
  "client_invitations",
  "portail_transactions",
  "transaction_etapes",
  "transaction_documents",
  "transaction_messages",
  "transaction_taches",
] as const;

/** Row count of each generated table, in one statement. */
export async function rowCounts(db: pg.Client): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, string>>(
    `select ${TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(", ")}`,
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}
