import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** OpenAPI generated from the routes' zod schemas; never written by hand. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "Portail client ImmoAssist API",
          description:
            "REST API of the client portal for Québec real-estate brokers. Errors share one body: " +
            '`{"error": {"code", "message", "request_id", "fields?", "details?"}}`.',
          version: "1.0.0",
        },
        components: {
          securitySchemes: {
            bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
          },
        },
        security: [{ bearer: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });

    // The docs and the document are public: marked on each of their routes, never by URL.
    await app.register(async (docs) => {
      docs.addHook("onRoute", (route) => {
        route.config = { ...(route.config ?? {}), public: true };
      });
      docs.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      await docs.register(swaggerUi, {
        routePrefix: "/api/docs",
        staticCSP: true,
        uiConfig: { url: "/api/openapi.json", deepLinking: true },
      });
    });
  },
  { name: "swagger" },
);
