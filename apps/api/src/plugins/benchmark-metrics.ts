import fp from "fastify-plugin";
import { runCountingQueries } from "../db/client.ts";

declare module "fastify" {
  interface FastifyRequest {
    sqlQueries?: { count: number };
  }
}

/**
 * Benchmark-only (BENCHMARK_METRICS=true, see bench/): every response says in `x-sql-queries`
 * how many SQL statements its request ran, and GET /__bench/memory reports the process's
 * memory. Registered before auth so the authentication query counts.
 */
export default fp(
  async (app) => {
    app.addHook("onRequest", (request, _reply, done) => {
      const store = { count: 0 };
      request.sqlQueries = store;
      runCountingQueries(store, done);
    });
    // A parsed body resumes from the socket's callbacks, outside the context: enter it again.
    app.addHook("preValidation", (request, _reply, done) => {
      if (request.sqlQueries) runCountingQueries(request.sqlQueries, done);
      else done();
    });
    app.addHook("onSend", async (request, reply) => {
      reply.header("x-sql-queries", String(request.sqlQueries?.count ?? 0));
    });

    app.get("/__bench/memory", { config: { public: true }, schema: { hide: true } }, async () =>
      process.memoryUsage(),
    );
  },
  { name: "benchmark-metrics", dependencies: ["database"] },
);
