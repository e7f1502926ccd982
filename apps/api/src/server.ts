import type { AddressInfo } from "node:net";
import closeWithGrace from "close-with-grace";
import { type App, buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { exitOnConfigError } from "./lib/exit.ts";

// On SIGTERM (Railway stopping a deployment, Ctrl-C) requests in flight get REQUEST_GRACE_MS
// to finish; any still open are then cut so the email worker and the database close cleanly
// and the process exits 0 before SHUTDOWN_LIMIT_MS, when close-with-grace gives up (exit 1).
// Railway's drainingSeconds (apps/api/railway.json) must stay above the limit.
const REQUEST_GRACE_MS = 8_000;
const SHUTDOWN_LIMIT_MS = 10_000;

const config = exitOnConfigError(() => loadConfig());
// Assigned once built; the pool listener and the shutdown handler may run before that.
let app: App | undefined;
const database = openDatabase({
  ...config,
  onPoolError: (error) => app?.log.warn({ err: error }, "idle database connection lost"),
});

// Installed before the slow start-up steps, so a SIGTERM during migrations still closes cleanly.
closeWithGrace({ delay: SHUTDOWN_LIMIT_MS }, async ({ signal, err }) => {
  const started = Date.now();
  if (!app) {
    if (err) console.error(err);
    await database.close();
    return;
  }
  const log = app.log;
  if (err) log.error({ err }, "shutting down after an error");
  else log.info({ signal }, "shutting down");
  const cut = setTimeout(() => {
    log.warn("requests still running after the grace period; closing their connections");
    app?.server.closeAllConnections();
  }, REQUEST_GRACE_MS);
  try {
    // Requests, then the email worker's batch in flight (an onClose hook), then the pool.
    await app.close();
  } finally {
    clearTimeout(cut);
  }
  await database.close();
  log.info({ ms: Date.now() - started }, "shut down");
});

if (config.migrateOnStart) await database.migrate();

app = await buildApp({
  config,
  database,
  logger: {
    level: config.logLevel,
    redact: ["req.headers.authorization", "req.headers.cookie"],
    ...(config.isProduction || !process.stdout.isTTY
      ? {}
      : { transport: { target: "pino-pretty", options: { translateTime: "HH:MM:ss" } } }),
  },
});

if (config.seedOnStart) {
  const { seedIfEmpty } = await import("./db/seed.ts");
  await seedIfEmpty(app);
}

await app.listen({ host: config.host, port: config.port });
// The bound port, not the configured one: PORT=0 (tests) picks a free port.
const { port } = app.server.address() as AddressInfo;
app.log.info(`API ready on http://localhost:${port} (database: ${database.kind}; docs: /api/docs)`);
