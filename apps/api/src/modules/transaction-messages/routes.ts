import {
  messageCreateBodySchema,
  messageListQuerySchema,
  messageMarkAllReadQuerySchema,
  messageMarkAllReadResponseSchema,
  messagePageSchema,
  messageSchema,
} from "@portail/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams, routeErrors, transactionParams } from "../../lib/route-schemas.ts";
import * as messages from "./service.ts";

const tags = ["messages"];
const ACCESS_NOTE = "A client needs acces_messagerie (else 403 ACCESS_DISABLED).";

// The message thread between a broker and their client (SPEC.md §4, issue 3 item 7).
const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/",
    {
      schema: {
        tags,
        summary: "Send a message in a transaction's thread",
        description: `Either party of the transaction. ${ACCESS_NOTE}`,
        body: messageCreateBodySchema,
        response: { 201: messageSchema, ...routeErrors },
      },
    },
    async (request, reply) => {
      const message = await messages.sendMessage(
        { db: app.db, actor: request.actor! },
        request.body,
      );
      return reply.status(201).send(message);
    },
  );

  app.get(
    "/transaction/:transaction_id",
    {
      schema: {
        tags,
        summary: "A page of a transaction's thread, oldest first, with unread count",
        description:
          "Cursor pagination: without cursor, the newest `limit` messages; `before=next_before` " +
          "loads older ones (scrolling back); `after=next_after` returns only newer messages " +
          `(polling). \`skip\` is always 0. ${ACCESS_NOTE}`,
        params: transactionParams,
        querystring: messageListQuerySchema,
        response: { 200: messagePageSchema, ...routeErrors },
      },
    },
    async (request) =>
      messages.listMessages(
        { db: app.db, actor: request.actor! },
        request.params.transaction_id,
        request.query,
      ),
  );

  app.put(
    "/transaction/:transaction_id/mark-read",
    {
      schema: {
        tags,
        summary: "Mark every message addressed to the caller in the thread read",
        description: `One statement; \`up_to\` limits it to what the caller has seen. ${ACCESS_NOTE}`,
        params: transactionParams,
        querystring: messageMarkAllReadQuerySchema,
        response: { 200: messageMarkAllReadResponseSchema, ...routeErrors },
      },
    },
    async (request) =>
      messages.markAllRead(
        { db: app.db, actor: request.actor! },
        request.params.transaction_id,
        request.query,
      ),
  );

  app.put(
    "/:id/mark-read",
    {
      schema: {
        tags,
        summary: "Mark one message read (its recipient only)",
        description:
          "Idempotent: lu_at keeps the first reading. The sender gets 403, anyone outside the " +
          `transaction 404. ${ACCESS_NOTE}`,
        params: idParams,
        response: { 200: messageSchema, ...routeErrors },
      },
    },
    async (request) => messages.markRead({ db: app.db, actor: request.actor! }, request.params.id),
  );
};

export default routes;
