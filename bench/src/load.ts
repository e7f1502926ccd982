import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import type pg from "pg";
import { processMemory } from "./api-server.ts";
import { BENCH_PASSWORD, databaseUrlOf, type Size, withClient } from "./common.ts";

export interface Session {
  email: string;
  token: string;
  /** A client's transaction (each generated client has exactly one). */
  transaction_id?: number;
}

export interface Users {
  clients: Session[];
  brokers: Session[];
}

/** `count` items spread evenly over `list` (first and last included). */
function spread<T>(list: T[], count: number): T[] {
  if (list.length <= count) return list;
  return Array.from(
    { length: count },
    (_, i) => list[Math.floor((i * (list.length - 1)) / (count - 1))]!,
  );
}

async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Signs in clients and brokers spread over the whole database, a few at a time. */
export async function signIn(
  size: Size,
  url: string,
  counts: { clients: number; brokers: number },
): Promise<Users> {
  const { clients, brokers } = await withClient(databaseUrlOf(size), async (db) => {
    const c = await db.query<{ email: string; transaction_id: number }>(
      `select u.email, t.id as transaction_id from users u
       join portail_transactions t on t.client_invitation_id = u.client_invitation_id
       where u.role = 'client' order by u.id`,
    );
    const b = await db.query<{ email: string }>(
      "select email from users where role = 'courtier' order by id",
    );
    return { clients: c.rows, brokers: b.rows };
  });
  const wanted = [
    ...spread(clients, counts.clients).map((row) => ({ ...row, role: "client" as const })),
    ...spread(brokers, counts.brokers).map((row) => ({ ...row, role: "broker" as const })),
  ];
  const users: Users = { clients: [], brokers: [] };
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const row = wanted[next++]!;
      const token = await login(url, row.email);
      if (row.role === "client") {
        users.clients.push({ email: row.email, token, transaction_id: row.transaction_id });
      } else users.brokers.push({ email: row.email, token });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return users;
}

/** Messages the load posts start with this, so the next run can remove them. */
export const POSTED_PREFIX = "Message de charge";

interface RequestSpec {
  path: string;
  token?: string;
  body?: unknown;
}

export interface Endpoint {
  name: string;
  method: "GET" | "POST";
  /** What one request is, for the report. */
  route: string;
  /** Statements the query counter cannot see (run on the pool directly, not through Drizzle). */
  uncountedSql?: number;
  /** The i-th request: each goes to another user (round robin over the signed-in users). */
  request(i: number): RequestSpec;
}

/** The endpoints of issue 7, in the order they run. `q` matches a few of each broker's clients. */
export function endpoints(users: Users, search = "tremb"): Endpoint[] {
  const client = (i: number) => users.clients[i % users.clients.length]!;
  const broker = (i: number) => users.brokers[i % users.brokers.length]!;
  const everyone = [...users.clients, ...users.brokers];
  return [
    {
      name: "baseline",
      method: "GET",
      route: "GET /health/ready (select 1 on the pool, no auth)",
      uncountedSql: 1,
      request: () => ({ path: "/health/ready" }),
    },
    {
      // The ceiling for an authenticated request: token check, the session query, one read.
      name: "me",
      method: "GET",
      route: "GET /api/v1/auth/me (client: authentication + one read)",
      request: (i) => ({ path: "/api/v1/auth/me", token: client(i).token }),
    },
    {
      name: "login",
      method: "POST",
      route: "POST /api/v1/auth/login",
      request: (i) => ({
        path: "/api/v1/auth/login",
        body: { email: everyone[i % everyone.length]!.email, password: BENCH_PASSWORD },
      }),
    },
    {
      name: "dashboard",
      method: "GET",
      route: "GET /api/v1/portail/transactions/client (client)",
      request: (i) => ({ path: "/api/v1/portail/transactions/client", token: client(i).token }),
    },
    {
      name: "messages",
      method: "GET",
      route: "GET /api/v1/portail/transaction-messages/transaction/:id (client, latest page)",
      request: (i) => ({
        path: `/api/v1/portail/transaction-messages/transaction/${client(i).transaction_id}`,
        token: client(i).token,
      }),
    },
    {
      name: "clients",
      method: "GET",
      route: "GET /api/v1/client-invitations?limit=20 (broker, first page)",
      request: (i) => ({ path: "/api/v1/client-invitations?limit=20", token: broker(i).token }),
    },
    {
      name: "clients_search",
      method: "GET",
      route: `GET /api/v1/client-invitations?limit=20&q=${search} (broker)`,
      request: (i) => ({
        path: `/api/v1/client-invitations?limit=20&q=${encodeURIComponent(search)}`,
        token: broker(i).token,
      }),
    },
    {
      name: "post_message",
      method: "POST",
      route: "POST /api/v1/portail/transaction-messages (client)",
      request: (i) => ({
        path: "/api/v1/portail/transaction-messages",
        token: client(i).token,
        body: {
          transaction_id: client(i).transaction_id,
          message: `${POSTED_PREFIX} ${i}: pouvez-vous confirmer la date de l’inspection?`,
        },
      }),
    },
    {
      name: "documents",
      method: "GET",
      route: "GET /api/v1/portail/transaction-documents/transaction/:id (client)",
      request: (i) => ({
        path: `/api/v1/portail/transaction-documents/transaction/${client(i).transaction_id}`,
        token: client(i).token,
      }),
    },
  ];
}

export interface LoadResult {
  name: string;
  route: string;
  connections: number;
  duration_s: number;
  requests: number;
  rps: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
  timeouts: number;
  non_2xx: number;
  status_codes: Record<string, number>;
  /** Mean SQL statements per response (x-sql-queries); min and max seen. */
  sql_per_request: number | null;
  sql_min: number | null;
  sql_max: number | null;
  /** API process CPU time per request (user + system), in ms. */
  api_cpu_ms_per_request: number | null;
  /** CPU time per request of the PostgreSQL backends serving the API's pool. */
  db_cpu_ms_per_request: number | null;
  /** CPU time per request of this process (autocannon), which shares the cores. */
  loadgen_cpu_ms_per_request: number;
  api_rss_mib_after: number | null;
  vs_baseline?: number;
}

/**
 * CPU time of the database's backends (same machine), keyed by pid: the API pool's connections
 * live for the whole run, so a before/after difference is their work.
 */
export async function databaseCpu(db: pg.Client): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = cpuMs(pid);
    if (ms !== null) cpu.set(pid, ms);
  }
  return cpu;
}

/** CPU time (user + system) of a process from /proc, in ms. */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function cannon(
  url: string,
  endpoint: Endpoint,
  options: { connections: number; duration: number },
  onHeaders?: (headers: Record<string, unknown>) => void,
) {
  let i = 0;
  return autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: endpoint.method,
        setupRequest: (request) => {
          const spec = endpoint.request(i++);
          const headers: Record<string, string> = {};
          if (spec.token) headers.authorization = `Bearer ${spec.token}`;
          if (spec.body !== undefined) headers["content-type"] = "application/json";
          return {
            ...request,
            method: endpoint.method,
            path: spec.path,
            headers,
            body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
          };
        },
        onResponse: onHeaders
          ? (_status, _body, _context, headers) => onHeaders(headers ?? {})
          : undefined,
      },
    ],
  });
}

/** A short warm-up (JIT, caches, pool), then the measured run at fixed connections and duration. */
export async function measure(
  url: string,
  pid: number,
  endpoint: Endpoint,
  options: { connections: number; duration: number; warmup: number },
  db: pg.Client,
): Promise<LoadResult> {
  if (options.warmup > 0) {
    await cannon(url, endpoint, { connections: options.connections, duration: options.warmup });
  }
  let counted = 0;
  let sql = 0;
  let sqlMin = Number.POSITIVE_INFINITY;
  let sqlMax = 0;
  const cpuBefore = cpuMs(pid);
  const dbBefore = await databaseCpu(db);
  const loadgenBefore = process.cpuUsage();
  const result = await cannon(url, endpoint, options, (headers) => {
    const value = Object.entries(headers).find(([k]) => k.toLowerCase() === "x-sql-queries")?.[1];
    if (value === undefined) return;
    const n = Number(value) + (endpoint.uncountedSql ?? 0);
    counted += 1;
    sql += n;
    sqlMin = Math.min(sqlMin, n);
    sqlMax = Math.max(sqlMax, n);
  });
  const cpuAfter = cpuMs(pid);
  const loadgen = process.cpuUsage(loadgenBefore);
  const dbAfter = await databaseCpu(db);
  let dbMs = 0;
  for (const [backend, ms] of dbAfter) dbMs += ms - (dbBefore.get(backend) ?? ms);
  const perRequest = (ms: number) =>
    result.requests.total > 0 ? Math.round((ms / result.requests.total) * 100) / 100 : null;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
  );
  return {
    name: endpoint.name,
    route: endpoint.route,
    connections: options.connections,
    duration_s: result.duration,
    requests: result.requests.total,
    rps: Math.round(result.requests.total / result.duration),
    p50_ms: result.latency.p50,
    p90_ms: result.latency.p90,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non_2xx: result.non2xx,
    status_codes: statusCodes,
    sql_per_request: counted ? Math.round((sql / counted) * 100) / 100 : null,
    sql_min: counted ? sqlMin : null,
    sql_max: counted ? sqlMax : null,
    api_cpu_ms_per_request:
      cpuBefore !== null && cpuAfter !== null ? perRequest(cpuAfter - cpuBefore) : null,
    db_cpu_ms_per_request: dbBefore.size > 0 ? perRequest(dbMs) : null,
    loadgen_cpu_ms_per_request: perRequest((loadgen.user + loadgen.system) / 1000) ?? 0,
    api_rss_mib_after: processMemory(pid)?.rss_mib ?? null,
  };
}
