import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

// Routes of the client-invitations module (SPEC.md §4); registered by app.ts under /api/v1.
const routes: FastifyPluginAsyncZod = async () => {};

export default routes;
