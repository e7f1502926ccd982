import {
  activationBodySchema,
  invitationCreateBodySchema,
  invitationFilterQuerySchema,
  invitationListQuerySchema,
  invitationPageSchema,
  invitationPublicSchema,
  invitationSchema,
  invitationTokenParamsSchema,
  invitationUpdateBodySchema,
  tokenResponseSchema,
} from "@portail/shared";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { brokerOnly, errorResponses, idParams, routeErrors } from "../../lib/route-schemas.ts";
import { activateInvitation, getInvitationByToken } from "./activation.ts";
import { exportFilename, invitationsCsv } from "./export.ts";
import { countInvitations, listInvitations } from "./repository.ts";
import { createInvitation, getInvitation, resendInvitation, updateInvitation } from "./service.ts";

const TAGS = ["client-invitations"];

// Routes of the client-invitations module (SPEC.md §4); registered by app.ts under /api/v1.
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = (request: FastifyRequest) => ({
    db: app.db,
    config: app.config,
    mailer: app.mailer,
    actor: request.actor!,
  });
  // The link's token is a credential: its two public routes are limited per IP like sign-in.
  const perIp = {
    max: app.config.rateLimit.authPerIp,
    timeWindow: app.config.rateLimit.windowSeconds * 1000,
  };

  app.post(
    "/",
    {
      config: brokerOnly,
      schema: {
        tags: TAGS,
        summary: "Invite a client",
        description:
          "Creates the invitation, its first transaction (statut `recherche`) with the default " +
          "Québec étapes of the project type, and queues the invitation email. The token and " +
          "the link are never returned. 409 EMAIL_TAKEN when the email already has an " +
          "invitation or an account.",
        body: invitationCreateBodySchema,
        response: { 201: invitationSchema, ...routeErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const invitation = await createInvitation(deps(request), request.body);
      return reply.status(201).send(invitation);
    },
  );

  app.get(
    "/",
    {
      config: brokerOnly,
      schema: {
        tags: TAGS,
        summary: "The broker's clients, with their activity and the stats cards",
        description:
          "`q` matches first name, last name and email, ignoring case and accents. `stats` " +
          "counts every invitation of the broker, whatever the filters.",
        querystring: invitationListQuerySchema,
        response: { 200: invitationPageSchema, ...routeErrors },
      },
    },
    async (request) => {
      const { skip, limit, ...filters } = request.query;
      const actor = request.actor!;
      const [items, counts] = await Promise.all([
        listInvitations(app.db, actor, { ...filters, skip, limit }),
        countInvitations(app.db, actor, filters),
      ]);
      return { items, total: counts.total, skip, limit, stats: counts.stats };
    },
  );

  app.get(
    "/export",
    {
      config: brokerOnly,
      schema: {
        tags: TAGS,
        summary: "The filtered clients list as a CSV file (Excel fr-CA)",
        description:
          "UTF-8 with BOM, `;`-separated, French headers; same filters and sort as the list.",
        querystring: invitationFilterQuerySchema,
        produces: ["text/csv"],
        response: {
          200: z.string().meta({ description: "CSV file (text/csv; charset=utf-8)" }),
          ...routeErrors,
        },
      },
    },
    async (request, reply) => {
      const rows = await listInvitations(app.db, request.actor!, request.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${exportFilename()}"`)
        .header("cache-control", "no-store")
        .send(invitationsCsv(rows));
    },
  );

  app.get(
    "/by-token/:token",
    {
      config: { public: true, rateLimit: perIp },
      schema: {
        tags: TAGS,
        summary: "Who is invited, by which broker (activation page)",
        description: "404 unknown or withdrawn link, 410 EXPIRED, 409 ALREADY_USED once activated.",
        security: [],
        params: invitationTokenParamsSchema,
        response: {
          200: invitationPublicSchema,
          ...routeErrors,
          ...errorResponses(409, 410, 429),
        },
      },
    },
    async (request) => getInvitationByToken(app.db, request.params.token),
  );

  app.post(
    "/activate/:token",
    {
      config: { public: true, rateLimit: perIp },
      schema: {
        tags: TAGS,
        summary: "Activate the client account and sign in",
        description:
          "Creates the client's account from the link, marks the invitation `actif` and " +
          "answers like login. Single use, even under concurrent calls (the loser gets 409).",
        security: [],
        params: invitationTokenParamsSchema,
        body: activationBodySchema,
        response: {
          201: tokenResponseSchema,
          ...routeErrors,
          ...errorResponses(409, 410, 429),
        },
      },
    },
    async (request, reply) => {
      const session = await activateInvitation(
        { db: app.db, config: app.config, tokens: app.tokens },
        request.params.token,
        request.body,
        { ip: request.ip, userAgent: request.headers["user-agent"] },
      );
      return reply.status(201).send(session);
    },
  );

  app.get(
    "/:id",
    {
      config: brokerOnly,
      schema: {
        tags: TAGS,
        summary: "One of the broker's invitations, with the client's activity",
        params: idParams,
        response: { 200: invitationSchema, ...routeErrors },
      },
    },
    async (request) => getInvitation(deps(request), request.params.id),
  );

  app.put(
    "/:id",
    {
      config: brokerOnly,
      schema: {
        tags: TAGS,
        summary: "Edit contact details, statut or access flags",
        description:
          "Contact fields only while `invite` (a changed email gets a fresh link, the old one " +
          "dies); statut `actif` ↔ `inactif` once activated (`inactif` signs the client out " +
          "everywhere); access flags at any time. A forbidden change answers 409.",
        params: idParams,
        body: invitationUpdateBodySchema,
        response: { 200: invitationSchema, ...routeErrors, ...errorResponses(409) },
      },
    },
    async (request) => updateInvitation(deps(request), request.params.id, request.body),
  );

  app.post(
    "/:id/resend",
    {
      config: brokerOnly,
      schema: {
        tags: TAGS,
        summary: "Email a new activation link",
        description: "Only while `invite` (else 409). The previous link stops working.",
        params: idParams,
        response: { 200: invitationSchema, ...routeErrors, ...errorResponses(409) },
      },
    },
    async (request) => resendInvitation(deps(request), request.params.id),
  );
};

export default routes;
