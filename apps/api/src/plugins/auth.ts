import fp from "fastify-plugin";
import { AppError } from "../lib/errors.ts";
import { createTokenSigner, type TokenSigner } from "../modules/auth/jwt.ts";
import { loadActor } from "../modules/auth/repository.ts";

declare module "fastify" {
  interface FastifyInstance {
    tokens: TokenSigner;
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Authentication for every route that is not marked `config.public`, and the role check
 * declared by `config.roles`. The user and session are re-read on each request so a
 * deactivated account or a revoked session stops working at once.
 */
export default fp(
  async (app, opts: { jwtSecret: string }) => {
    app.decorate("tokens", createTokenSigner(opts.jwtSecret, app.config.accessTokenTtlSeconds));

    app.addHook("onRequest", async (request) => {
      if (request.is404) return;
      const config = request.routeOptions.config;
      if (config.public) return;

      const match = BEARER.exec(request.headers.authorization ?? "");
      if (!match?.[1]) throw new AppError("UNAUTHORIZED", "Missing bearer token");
      const claims = await app.tokens.verify(match[1]);
      if (!claims) throw new AppError("INVALID_TOKEN", "Invalid or expired access token");

      const actor = await loadActor(app.db, claims.userId, claims.sessionId);
      if (!actor) throw new AppError("INVALID_TOKEN", "Session ended or account disabled");
      request.actor = actor;

      if (config.roles && !config.roles.includes(actor.role)) {
        throw new AppError("FORBIDDEN", "This route is not available to your role");
      }
    });
  },
  { name: "auth", dependencies: ["database", "errors"] },
);
