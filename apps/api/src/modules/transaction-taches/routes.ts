import {
  tacheCreateBodySchema,
  tacheListQuerySchema,
  tachePageSchema,
  tacheSchema,
  tacheUpdateBodySchema,
} from "@portail/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { brokerOnly, idParams, routeErrors, transactionParams } from "../../lib/route-schemas.ts";
import * as taches from "./service.ts";

const tags = ["taches"];
const ACCESS_NOTE = "A client needs acces_taches (else 403 ACCESS_DISABLED).";

// A transaction's tasks (tâches), set by the broker and ticked off by either party (SPEC.md §4).
const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/",
    {
      config: brokerOnly,
      schema: {
        tags,
        summary: "Create a task on one of the broker's transactions",
        body: tacheCreateBodySchema,
        response: { 201: tacheSchema, ...routeErrors },
      },
    },
    async (request, reply) => {
      const tache = await taches.createTache({ db: app.db, actor: request.actor! }, request.body);
      return reply.status(201).send(tache);
    },
  );

  app.get(
    "/transaction/:transaction_id",
    {
      schema: {
        tags,
        summary: "A transaction's tasks, open first, with counters",
        description:
          "Ordered: open tasks first, then by echeance (none last), then priority. `counts` " +
          "cover the whole transaction; en_retard and a_venir use today's date in Québec " +
          `(America/Montreal). ${ACCESS_NOTE}`,
        params: transactionParams,
        querystring: tacheListQuerySchema,
        response: { 200: tachePageSchema, ...routeErrors },
      },
    },
    async (request) =>
      taches.listTaches(
        { db: app.db, actor: request.actor! },
        request.params.transaction_id,
        request.query,
      ),
  );

  app.put(
    "/:id",
    {
      config: brokerOnly,
      schema: {
        tags,
        summary: "Update a task (partial)",
        description:
          "Only the fields sent change. completee=true sets date_completion (kept if already " +
          "completed); completee=false clears it.",
        params: idParams,
        body: tacheUpdateBodySchema,
        response: { 200: tacheSchema, ...routeErrors },
      },
    },
    async (request) =>
      taches.updateTache({ db: app.db, actor: request.actor! }, request.params.id, request.body),
  );

  app.put(
    "/:id/toggle",
    {
      schema: {
        tags,
        summary: "Complete or reopen a task",
        description: `Either party. Flips completee and sets or clears date_completion. ${ACCESS_NOTE}`,
        params: idParams,
        response: { 200: tacheSchema, ...routeErrors },
      },
    },
    async (request) => taches.toggleTache({ db: app.db, actor: request.actor! }, request.params.id),
  );

  app.delete(
    "/:id",
    {
      config: brokerOnly,
      schema: {
        tags,
        summary: "Delete a task",
        params: idParams,
        response: { 204: z.null().meta({ description: "Deleted" }), ...routeErrors },
      },
    },
    async (request, reply) => {
      await taches.deleteTache({ db: app.db, actor: request.actor! }, request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
