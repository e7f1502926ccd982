import {
  clientDashboardQuerySchema,
  clientDashboardSchema,
  courtierTransactionsQuerySchema,
  createTransactionBodySchema,
  errorBodySchema,
  progressionBodySchema,
  transactionPageSchema,
  transactionSchema,
  updateTransactionBodySchema,
} from "@portail/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { brokerOnly as broker, routeErrors as errors, idParams } from "../../lib/route-schemas.ts";
import { clientDashboard } from "./dashboard.ts";
import * as transactions from "./service.ts";

const tags = ["transactions"];

// Routes of the portail-transactions module (SPEC.md §4); registered by app.ts under /api/v1.
const routes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;

  app.post(
    "/",
    {
      config: broker,
      schema: {
        tags,
        summary: "Open a transaction for one of the broker's invitations",
        description:
          "type defaults to the invitation's type_projet; the statut follows the progression. " +
          "Seeds the usual étapes for the type in the invitation's language unless " +
          "etapes_par_defaut is false. Another broker's invitation answers 404.",
        body: createTransactionBodySchema,
        response: { 201: transactionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await transactions.createTransaction({
        db,
        actor: request.actor!,
        input: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/client",
    {
      config: { roles: ["client"] },
      schema: {
        tags,
        summary: "The client dashboard: current transaction and everything shown around it",
        description:
          "The current transaction is the latest neither complete nor annulee, else the latest; " +
          "`transaction_id` selects another of the client's own (404 otherwise). Documents, " +
          "messages and tâches parts (and their stats) are null when the broker turned the " +
          "matching access flag off; without acces_calendrier the étapes come without their " +
          "planned date and time, without acces_proprietes the address and prices are null. " +
          "A client without any transaction gets `transaction: null`. Answered in one query.",
        querystring: clientDashboardQuerySchema,
        response: { 200: clientDashboardSchema, ...errors },
      },
    },
    async (request) =>
      clientDashboard({ db, actor: request.actor!, transactionId: request.query.transaction_id }),
  );

  app.get(
    "/courtier",
    {
      config: broker,
      schema: {
        tags,
        summary: "The broker's transactions",
        description:
          "Filters statut, type, client_invitation_id and q (client name, ville or adresse, " +
          "ignoring case and accents); sort; skip/limit pagination. Each with its client.",
        querystring: courtierTransactionsQuerySchema,
        response: { 200: transactionPageSchema, ...errors },
      },
    },
    async (request) =>
      transactions.listForBroker({ db, actor: request.actor!, query: request.query }),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags,
        summary: "A transaction, for its broker or its client",
        description:
          "For a client whose broker turned acces_proprietes off, adresse, ville and prices are null.",
        params: idParams,
        response: { 200: transactionSchema, ...errors },
      },
    },
    async (request) => transactions.requireTransactionDetail(db, request.actor!, request.params.id),
  );

  app.put(
    "/:id",
    {
      config: broker,
      schema: {
        tags,
        summary: "Edit a transaction (broker)",
        description:
          "Partial update of adresse, ville, prices, dates (date_fin >= date_debut) and type. " +
          "statut `annulee` cancels; the statut derived from the progression un-cancels.",
        params: idParams,
        body: updateTransactionBodySchema,
        response: { 200: transactionSchema, ...errors },
      },
    },
    async (request) =>
      transactions.updateTransaction({
        db,
        actor: request.actor!,
        id: request.params.id,
        input: request.body,
      }),
  );

  app.put(
    "/:id/progression",
    {
      config: broker,
      schema: {
        tags,
        summary: "Move a transaction's progression; its statut follows",
        description:
          "0-19 recherche, 20-39 offre, 40-59 inspection, 60-79 financement, 80-99 notaire, " +
          "100 complete, in both directions. 409 on a cancelled transaction.",
        params: idParams,
        body: progressionBodySchema,
        response: { 200: transactionSchema, 409: errorBodySchema, ...errors },
      },
    },
    async (request) =>
      transactions.setProgression({
        db,
        actor: request.actor!,
        id: request.params.id,
        progression: request.body.progression,
      }),
  );
};

export default routes;
