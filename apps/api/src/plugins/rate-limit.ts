import rateLimit from "@fastify/rate-limit";
import fp from "fastify-plugin";
import { Redis } from "ioredis";
import { AppError } from "../lib/errors.ts";

/**
 * Rate limiting, opt-in per route. The store is Redis when REDIS_URL is set, so every API
 * replica shares the counters; otherwise process memory (single replica, development, tests).
 */
export default fp(
  async (app) => {
    let redis: Redis | undefined;
    if (app.config.redisUrl) {
      redis = new Redis(app.config.redisUrl, {
        connectTimeout: 1000,
        maxRetriesPerRequest: 1,
        lazyConnect: false,
      });
      app.addHook("onClose", async () => {
        await redis?.quit();
      });
    }
    await app.register(rateLimit, {
      global: false,
      redis,
      nameSpace: app.config.rateLimitRedisPrefix,
      errorResponseBuilder: (_request, context) =>
        new AppError("RATE_LIMITED", `Too many attempts; retry in ${context.after}`, {
          headers: { "retry-after": String(Math.ceil(context.ttl / 1000)) },
        }),
    });
  },
  { name: "rate-limit", dependencies: ["config"] },
);
