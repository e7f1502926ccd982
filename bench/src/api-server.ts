import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { BENCH_DIR, databaseUrlOf, dataDirOf, REPO_ROOT, type Size } from "./common.ts";

/** `npm run build -w @portail/api`, as Railway builds it. */
export function buildApi() {
  const result = spawnSync("npm", ["run", "build", "-w", "@portail/api"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("API build failed");
}

/** Production requires an SMTP server: this one accepts every email and drops it. */
export async function startSmtpSink(): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ApiProcess {
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/** Starts `node apps/api/dist/server.js` in production mode on the size's database. */
export async function startApi(size: Size, options: { port: number; smtpPort: number }) {
  await assertPortFree(options.port);
  const logFile = path.join(BENCH_DIR, ".data", `api-${size}.log`);
  const env = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(options.port),
    DATABASE_URL: databaseUrlOf(size),
    DATA_DIR: dataDirOf(size),
    JWT_SECRET: randomBytes(48).toString("base64"),
    FRONTEND_URL: "http://localhost:3000",
    MAIL_SERVER: "127.0.0.1",
    MAIL_PORT: String(options.smtpPort),
    MAIL_FROM: "Portail ImmoAssist <bench@example.com>",
    // The login benchmark signs in thousands of times from one address.
    RATE_LIMIT_AUTH_PER_IP: "100000000",
    RATE_LIMIT_AUTH_PER_EMAIL: "100000000",
    // Tokens outlive the whole run (the web pages reuse them without a refresh).
    ACCESS_TOKEN_TTL_SECONDS: "7200",
    BENCHMARK_METRICS: "true",
    // Production logs every request at info; BENCH_API_LOG_LEVEL=warn measures without that.
    LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? "info",
  };
  // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "dist/server.js"], {
    cwd: path.join(REPO_ROOT, "apps", "api"),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${options.port}`;
  await waitForReady(`${url}/health/ready`, child, logFile);
  return {
    url,
    pid: child.pid!,
    logFile,
    stop: () => stopProcess(child),
  } satisfies ApiProcess;
}

/** Fails when something already listens on `port`: its answers would be taken for ours. */
export async function assertPortFree(port: number) {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", () =>
      reject(new Error(`Port ${port} is in use: set BENCH_API_PORT / BENCH_WEB_PORT`)),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

export async function waitForReady(url: string, child: ChildProcess, logFile?: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const tail = logFile ? readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new Error(`${url}: the process exited (${child.exitCode})\n${tail}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/** SIGTERM, then SIGKILL after 15 s (the API drains within 10 s). */
export async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process from /proc (Linux): current and peak (VmHWM), in MiB. */
export function processMemory(pid: number): { rss_mib: number; peak_rss_mib: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1]);
    return { rss_mib: kib("VmRSS") / 1024, peak_rss_mib: kib("VmHWM") / 1024 };
  } catch {
    return null;
  }
}
