import {
  createEtapeBodySchema,
  etapeListQuerySchema,
  etapePageSchema,
  etapeSchema,
  reorderEtapesBodySchema,
  updateEtapeBodySchema,
} from "@portail/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { brokerOnly, idParams, routeErrors, transactionParams } from "../../lib/route-schemas.ts";
import * as etapes from "./service.ts";

const tags = ["etapes"];

// Routes of the transaction-etapes module (SPEC.md §4); registered by app.ts under /api/v1.
const routes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;

  app.post(
    "/",
    {
      config: brokerOnly,
      schema: {
        tags,
        summary: "Add an étape to a transaction (broker)",
        description:
          "Last by default; with `ordre`, inserted at that position and the following étapes " +
          "move down. statut `complete` records date_completion.",
        body: createEtapeBodySchema,
        response: { 201: etapeSchema, ...routeErrors },
      },
    },
    async (request, reply) => {
      const etape = await etapes.createEtape({ db, actor: request.actor!, input: request.body });
      return reply.status(201).send(etape);
    },
  );

  app.put(
    "/:id",
    {
      config: brokerOnly,
      schema: {
        tags,
        summary: "Edit an étape (broker)",
        description:
          "Partial. Becoming `complete` sets date_completion; leaving it clears it. A new " +
          "`ordre` moves the étape and renumbers the others.",
        params: idParams,
        body: updateEtapeBodySchema,
        response: { 200: etapeSchema, ...routeErrors },
      },
    },
    async (request) =>
      etapes.updateEtape({
        db,
        actor: request.actor!,
        id: request.params.id,
        input: request.body,
      }),
  );

  app.delete(
    "/:id",
    {
      config: brokerOnly,
      schema: {
        tags,
        summary: "Remove an étape (broker)",
        params: idParams,
        response: { 204: z.null().meta({ description: "Removed" }), ...routeErrors },
      },
    },
    async (request, reply) => {
      await etapes.deleteEtape({ db, actor: request.actor!, id: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/transaction/:transaction_id",
    {
      schema: {
        tags,
        summary: "A transaction's étapes in order, for its broker or its client",
        params: transactionParams,
        querystring: etapeListQuerySchema,
        response: { 200: etapePageSchema, ...routeErrors },
      },
    },
    async (request) =>
      etapes.listTransactionEtapes({
        db,
        actor: request.actor!,
        transactionId: request.params.transaction_id,
        query: request.query,
      }),
  );

  app.put(
    "/transaction/:transaction_id/order",
    {
      config: brokerOnly,
      schema: {
        tags,
        summary: "Reorder a transaction's étapes (broker)",
        description: "`ids` lists every étape of the transaction once, in the new order.",
        params: transactionParams,
        body: reorderEtapesBodySchema,
        response: { 200: etapePageSchema, ...routeErrors },
      },
    },
    async (request) =>
      etapes.reorderEtapes({
        db,
        actor: request.actor!,
        transactionId: request.params.transaction_id,
        ids: request.body.ids,
      }),
  );
};

export default routes;
