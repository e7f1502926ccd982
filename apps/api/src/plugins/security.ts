import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import fp from "fastify-plugin";

/** Security headers and a CORS policy that admits only the web app's origin. */
export default fp(
  async (app) => {
    await app.register(helmet, {
      // The API serves JSON and the docs page; the docs page relaxes this in its own scope.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginResourcePolicy: { policy: "same-site" },
    });
    const allowed = new URL(app.config.frontendUrl).origin;
    await app.register(cors, {
      origin: (origin, cb) =>
        cb(null, origin === undefined || origin === allowed ? allowed : false),
      credentials: false,
      methods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
      exposedHeaders: ["x-request-id", "retry-after", "content-disposition"],
    });
  },
  { name: "security", dependencies: ["config"] },
);
