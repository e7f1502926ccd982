import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { exitOnConfigError } from "./lib/exit.ts";

const config = exitOnConfigError(() => loadConfig());
const database = openDatabase({
  ...config,
  onPoolError: (error) => app?.log.warn({ err: error }, "idle database connection lost"),
});

if (config.migrateOnStart) await database.migrate();

// Declared before the pool listener above can fire; assigned once the app is built.
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
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
app.addHook("onClose", () => database.close());

if (config.seedOnStart) {
  const { seedIfEmpty } = await import("./db/seed.ts");
  await seedIfEmpty(app);
}

// SIGTERM (Railway, Ctrl-C): stop accepting, finish in-flight requests, stop the email worker.
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, "shutting down after an error");
  else app.log.info({ signal }, "shutting down");
  await app.close();
});

await app.listen({ host: config.host, port: config.port });
app.log.info(
  `API ready on http://localhost:${config.port} (database: ${database.kind}; docs: /api/docs)`,
);
