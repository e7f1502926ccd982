import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { errorResponses } from "../../lib/route-schemas.ts";

const healthSchema = z.object({ status: z.literal("ok") });

/** Liveness (`/health`) and readiness (`/health/ready`: the database answers). */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      config: { public: true },
      schema: {
        tags: ["health"],
        summary: "Process is up",
        security: [],
        response: { 200: healthSchema },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/health/ready",
    {
      config: { public: true },
      schema: {
        tags: ["health"],
        summary: "Database is reachable",
        security: [],
        response: {
          200: healthSchema.extend({ database: z.enum(["postgres", "pglite"]) }),
          ...errorResponses(503),
        },
      },
    },
    async (request) => {
      try {
        await app.database.ping();
      } catch (error) {
        request.log.error({ err: error }, "readiness check failed");
        throw new AppError("SERVICE_UNAVAILABLE", "Database unreachable");
      }
      return { status: "ok" as const, database: app.database.kind };
    },
  );
};

export default healthRoutes;
