import { type PublicConfig, publicConfigSchema } from "@portail/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Config } from "../../config.ts";

/** The part of the configuration pages adapt to (upload limit, link lifetime, sign-up). */
export function publicConfig(config: Config): PublicConfig {
  return {
    max_upload_bytes: config.maxUploadBytes,
    invitation_ttl_days: config.invitationTtlDays,
    broker_signup: config.brokerSignup === "open",
  };
}

// GET /api/v1/config: public, and the same for every caller until a redeploy, so caches may
// keep it a few minutes.
const publicConfigRoutes: FastifyPluginAsyncZod = async (app) => {
  const body = publicConfig(app.config);

  app.get(
    "/",
    {
      config: { public: true },
      schema: {
        tags: ["config"],
        summary: "Server settings the web app adapts to",
        description:
          "Public, no sign-in. Cacheable for 5 minutes (`Cache-Control: public, max-age=300`).",
        security: [],
        response: { 200: publicConfigSchema },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "public, max-age=300");
      return body;
    },
  );
};

export default publicConfigRoutes;
