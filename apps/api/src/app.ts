import { randomUUID } from "node:crypto";
import multipart from "@fastify/multipart";
import Fastify, { type FastifyServerOptions } from "fastify";
import fp from "fastify-plugin";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { resolveJwtSecret } from "./lib/secrets.ts";
import authRoutes from "./modules/auth/routes.ts";
import invitationRoutes from "./modules/client-invitations/routes.ts";
import healthRoutes from "./modules/health/routes.ts";
import transactionRoutes from "./modules/portail-transactions/routes.ts";
import publicConfigRoutes from "./modules/public-config/routes.ts";
import documentRoutes from "./modules/transaction-documents/routes.ts";
import etapeRoutes from "./modules/transaction-etapes/routes.ts";
import messageRoutes from "./modules/transaction-messages/routes.ts";
import tacheRoutes from "./modules/transaction-taches/routes.ts";
import authPlugin from "./plugins/auth.ts";
import benchmarkMetricsPlugin from "./plugins/benchmark-metrics.ts";
import databasePlugin from "./plugins/database.ts";
import errorsPlugin, { frameworkErrors } from "./plugins/errors.ts";
import mailerPlugin from "./plugins/mailer.ts";
import rateLimitPlugin from "./plugins/rate-limit.ts";
import securityPlugin from "./plugins/security.ts";
import storagePlugin from "./plugins/storage.ts";
import swaggerPlugin from "./plugins/swagger.ts";
import "./types.ts";

export interface BuildAppOptions {
  config: Config;
  /** An open database (tests pass theirs); otherwise one is opened from the config. */
  database?: Database;
  logger?: FastifyServerOptions["logger"];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The app factory: no listening, no migrations; server.ts and the tests drive it. */
export async function buildApp({ config, database, logger }: BuildAppOptions) {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie"],
    },
    // A request id from the web app is kept, so one id follows a request across both logs.
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // Trust exactly the declared number of proxy hops (same rule as proxy-addr's numeric form).
    trustProxy:
      config.trustProxyHops > 0
        ? (_address: string, hop: number) => hop < config.trustProxyHops
        : false,
    bodyLimit: 1024 * 1024,
    // Each route's zod params schema is the one length rule of a path parameter, so a too
    // long one answers 400 VALIDATION_ERROR naming it. The router's own cap (100 by default,
    // a bare 414 past it) is raised beyond what Node's 16 KiB header limit lets through;
    // should it still trip, frameworkErrors answers with our body, as for a malformed URL.
    routerOptions: { maxParamLength: 16 * 1024 },
    frameworkErrors,
    // On close, idle keep-alive sockets are dropped at once (they would hold the shutdown
    // open); requests in flight finish, and new requests meanwhile get 503.
    forceCloseConnections: "idle",
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // A keep-alive socket whose request was still running at close would stay open after the
  // response (Fastify keeps idle sockets 72 s) and hold the shutdown: tell that client to
  // reconnect, so the socket closes as soon as its response is sent.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });

  // 1. Infrastructure.
  await app.register(
    fp(
      async (instance) => {
        instance.decorate("config", config);
      },
      { name: "config" },
    ),
  );
  await app.register(databasePlugin, {
    database: database ?? openDatabase(config),
    owned: !database,
  });
  // Before auth, so the authentication query is counted too.
  if (config.benchmarkMetrics) await app.register(benchmarkMetricsPlugin);
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(rateLimitPlugin);
  await app.register(swaggerPlugin);
  // Uploads are read as streams of parts; busboy enforces the limits while parsing.
  await app.register(multipart, {
    limits: {
      fileSize: config.maxUploadBytes,
      files: 1,
      fields: 10,
      fieldSize: 1024,
      parts: 12,
      headerPairs: 20,
    },
  });

  // 2. Our cross-cutting pieces.
  await app.register(authPlugin, { jwtSecret: resolveJwtSecret(config) });
  await app.register(mailerPlugin);
  await app.register(storagePlugin);

  // 3. Domain modules.
  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      await api.register(publicConfigRoutes, { prefix: "/config" });
      await api.register(authRoutes, { prefix: "/auth" });
      await api.register(invitationRoutes, { prefix: "/client-invitations" });
      await api.register(transactionRoutes, { prefix: "/portail/transactions" });
      await api.register(etapeRoutes, { prefix: "/portail/transaction-etapes" });
      await api.register(documentRoutes, { prefix: "/portail/transaction-documents" });
      await api.register(messageRoutes, { prefix: "/portail/transaction-messages" });
      await api.register(tacheRoutes, { prefix: "/portail/transaction-taches" });
    },
    { prefix: "/api/v1" },
  );

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
