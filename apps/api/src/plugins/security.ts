import cors from "@fastify/cors";
import fp from "fastify-plugin";
import helmet from "helmet";

/** Security headers and a CORS policy that admits only the web app's origin. */
export default fp(
  async (app) => {
    // Built once: @fastify/helmet rebuilt the middleware (and parsed the CSP) on every request,
    // 5 % of the API's CPU in the benchmark profile. Swagger UI sets its own CSP on the docs page.
    const applyHeaders = helmet({
      // The API serves JSON (and documents with their own CSP): nothing to load, nothing to frame.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginResourcePolicy: { policy: "same-site" },
    });
    app.addHook("onRequest", (request, reply, done) => {
      applyHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
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
