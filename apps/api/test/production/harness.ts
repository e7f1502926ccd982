import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TokenResponse } from "@portail/shared";
import pg from "pg";

// Runs the API the way Railway does: built JavaScript started with node, in production mode,
// on a PostgreSQL database of its own, configured only through environment variables.

export const API_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const REPO_ROOT = path.resolve(API_ROOT, "../..");

/** The admin URL these tests create their databases from; unset on PGlite (tests skipped). */
export const ADMIN_DATABASE_URL = process.env.DATABASE_URL;
export const SKIP_MESSAGE =
  "skipped: production-build tests need PostgreSQL (set DATABASE_URL, as .ci/run does)";

export interface Command {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; the caller checks the exit code. */
export function run(
  file: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Command> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** An empty PostgreSQL database, named like test/context.ts names its own (CI drops leftovers). */
export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = ADMIN_DATABASE_URL!;
  const prefix = process.env.TEST_DB_PREFIX ?? "portail_test";
  const name = `${prefix}_prod_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`drop database if exists "${name}" with (force)`),
  };
}

/** A private folder, removed by the returned function. */
export function tempDir(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `portail-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The environment Railway gives the API service (docs/deploy/railway.md), and nothing
 * inherited from the test runner except what starting a program needs.
 */
export function productionEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = ["PATH", "HOME", "TZ", "LANG"].filter((key) => process.env[key]);
  return {
    ...Object.fromEntries(inherited.map((key) => [key, process.env[key]])),
    NODE_ENV: "production",
    PORT: "0",
    LOG_LEVEL: "info",
    JWT_SECRET: randomBytes(48).toString("base64"),
    FRONTEND_URL: "http://localhost:3000",
    MAIL_FROM: "Portail ImmoAssist <portail@example.com>",
    ...vars,
  };
}

export interface LogLine {
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export interface ApiProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port>, the port the process chose (PORT=0). */
  url: string;
  logs: LogLine[];
  /** Everything the process printed, for failure messages. */
  output(): string;
  waitForLog(match: (line: LogLine) => boolean, what: string): Promise<LogLine>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Cleanup: SIGTERM, SIGKILL 15 s later, then SIGKILL to anything left in its group. */
  stop(): Promise<void>;
}

/** Starts a command that runs the API and resolves once it logs that it is ready. */
export async function startApi(
  file: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<ApiProcess> {
  // Its own process group, so cleanup also reaches a server its launcher left behind.
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const logs: LogLine[] = [];
  let text = "";
  const waiters = new Set<() => void>();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      resolve({ code, signal });
      for (const wake of waiters) wake();
    }),
  );
  let exitedYet = false;
  void exited.then(() => {
    exitedYet = true;
  });

  let pending = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    text += chunk;
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // npm's own output or a partial line: kept in `text` only.
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    text += chunk;
  });

  const waitForLog = (match: (line: LogLine) => boolean, what: string) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (found) {
          waiters.delete(check);
          resolve(found);
        } else if (exitedYet || child.exitCode !== null) {
          waiters.delete(check);
          reject(new Error(`API exited before logging ${what}:\n${text}`));
        }
      };
      waiters.add(check);
      check();
    });

  const ready = await waitForLog((line) => /^API ready on/.test(line.msg ?? ""), "API ready");
  const port = /localhost:(\d+)/.exec(ready.msg!)![1];
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    logs,
    output: () => text,
    waitForLog,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Nothing left in the group: the normal case.
      }
    },
  };
}

/** Log lines at pino's error level or above. */
export const errorsIn = (logs: LogLine[]) => logs.filter((line) => (line.level ?? 0) >= 50);

/** A JSON call to a running API; `ip` plays the client address Railway's proxy forwards. */
export function call(
  base: string,
  method: string,
  url: string,
  options: { token?: string; body?: unknown; ip?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ip) headers["x-forwarded-for"] = options.ip;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${base}${url}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

export async function json<T>(response: Response): Promise<T> {
  const body = await response.text();
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new Error(`expected JSON, got ${response.status}: ${body.slice(0, 300)}`);
  }
}

// The few API steps the scenarios need, over real HTTP.

export async function registerBroker(base: string, ip: string) {
  const email = `courtier.${randomBytes(5).toString("hex")}@example.com`;
  const password = "une longue phrase au bord du fleuve";
  const response = await call(base, "POST", "/api/v1/auth/register", {
    ip,
    body: { email, password, first_name: "Marie", last_name: "Dubois" },
  });
  if (response.status !== 201)
    throw new Error(`register: ${response.status} ${await response.text()}`);
  const session = await json<TokenResponse>(response);
  return { email, password, token: session.access_token };
}

export async function inviteClient(base: string, token: string, email: string) {
  const response = await call(base, "POST", "/api/v1/client-invitations/", {
    token,
    body: { prenom: "Sophie", nom: "Tremblay", email, type_projet: "achat" },
  });
  if (response.status !== 201)
    throw new Error(`invite: ${response.status} ${await response.text()}`);
  return json<{ id: number; transaction_id: number }>(response);
}

export async function uploadPdf(base: string, token: string, transactionId: number, pdf: Buffer) {
  const form = new FormData();
  form.append("transaction_id", String(transactionId));
  form.append("categorie", "offre");
  form.append("file", new Blob([pdf], { type: "application/pdf" }), "Promesse d'achat.pdf");
  const response = await fetch(`${base}/api/v1/portail/transaction-documents/`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (response.status !== 201)
    throw new Error(`upload: ${response.status} ${await response.text()}`);
  return json<{ id: number; nom: string; taille: number }>(response);
}
