import type { Readable } from "node:stream";
import {
  documentDownloadQuerySchema,
  documentListQuerySchema,
  documentUploadBodySchema,
  transactionDocumentDetailSchema,
  transactionDocumentPageSchema,
  transactionDocumentSchema,
} from "@portail/shared";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import {
  brokerOnly,
  errorResponses,
  idParams,
  routeErrors,
  transactionParams,
} from "../../lib/route-schemas.ts";
import { resolveJwtSecret } from "../../lib/secrets.ts";
import { createDownloadSigner } from "./download-token.ts";
import { contentDisposition } from "./file-name.ts";
import * as documents from "./service.ts";

/** The multipart parts as the service reads them, whatever parsed them. */
async function* uploadParts(request: FastifyRequest): AsyncGenerator<documents.UploadPart> {
  if (!request.isMultipart()) {
    throw new AppError("BAD_REQUEST", "Send the document as multipart/form-data");
  }
  for await (const part of request.parts()) {
    if (part.type === "file") {
      yield {
        type: "file",
        name: part.fieldname,
        filename: part.filename,
        stream: part.file,
        truncated: () => part.file.truncated,
      };
    } else {
      yield {
        type: "field",
        name: part.fieldname,
        value: String(part.value),
        truncated: part.valueTruncated,
      };
    }
  }
}

// Routes of the transaction-documents module (SPEC.md §4); registered by app.ts under /api/v1.
const routes: FastifyPluginAsyncZod = async (app) => {
  const signer = createDownloadSigner(resolveJwtSecret(app.config));
  const deps = { db: app.db, storage: app.storage, log: app.log, signer };

  app.post(
    "/",
    {
      config: brokerOnly,
      // The body is read as a stream of parts by the handler; its schema only documents it.
      validatorCompiler: () => () => true,
      schema: {
        tags: ["documents"],
        summary: "Share a document with the client of one of your transactions",
        description:
          "multipart/form-data with `transaction_id`, `categorie` and `file` (send the text " +
          "fields first). The file is streamed to storage; its type is detected from its " +
          "bytes. 413 over MAX_UPLOAD_MB, 415 for a type outside the allowlist.",
        consumes: ["multipart/form-data"],
        body: documentUploadBodySchema,
        response: {
          201: transactionDocumentSchema,
          ...routeErrors,
          ...errorResponses(413, 415),
        },
      },
    },
    async (request, reply) => {
      try {
        const document = await documents.uploadDocument(
          { ...deps, log: request.log, maxUploadBytes: app.config.maxUploadBytes },
          request.actor!,
          uploadParts(request),
        );
        return reply.status(201).send(document);
      } catch (error) {
        // A refused upload may be answered before its body was read: closing the connection
        // discards the rest, instead of leaving a half-read request on a kept-alive socket.
        reply.header("connection", "close");
        throw error;
      }
    },
  );

  app.get(
    "/transaction/:transaction_id",
    {
      schema: {
        tags: ["documents"],
        summary: "A transaction's documents, newest first",
        description: "Its broker, or its client when acces_documents is on (else 403).",
        params: transactionParams,
        querystring: documentListQuerySchema,
        response: { 200: transactionDocumentPageSchema, ...routeErrors },
      },
    },
    async (request) =>
      documents.listTransactionDocuments(
        deps,
        request.actor!,
        request.params.transaction_id,
        request.query,
      ),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags: ["documents"],
        summary: "One document, with a download link valid 5 minutes",
        params: idParams,
        response: { 200: transactionDocumentDetailSchema, ...routeErrors },
      },
    },
    async (request) => documents.getDocumentDetail(deps, request.actor!, request.params.id),
  );

  app.get(
    "/:id/download",
    {
      // A HEAD must not count as the client's first opening.
      exposeHeadRoute: false,
      schema: {
        tags: ["documents"],
        summary: "Download a document (link from GET /{id}, plus your bearer token)",
        description:
          "Streams the file as an attachment under its original name, with nosniff. " +
          "`disposition=inline` (PDF and images only) lets a browser show it, sandboxed. " +
          "The client's first download clears `nouveau`.",
        params: idParams,
        querystring: documentDownloadQuerySchema,
        response: {
          200: z
            .custom<Readable>()
            .meta({ type: "string", format: "binary", description: "The file's content" }),
          ...routeErrors,
          ...errorResponses(410),
        },
      },
    },
    async (request, reply) => {
      const { disposition } = request.query;
      const { document, stream, size } = await documents.openDownload(
        { ...deps, log: request.log },
        request.actor!,
        request.params.id,
        request.query,
      );
      reply
        .header(
          "content-type",
          document.mime_type.startsWith("text/")
            ? `${document.mime_type}; charset=utf-8`
            : document.mime_type,
        )
        .header("content-length", String(size))
        .header("content-disposition", contentDisposition(disposition, document.nom))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store");
      if (disposition === "inline") {
        // Rendered by the browser, so no script, form or plugin may run from it.
        reply.header(
          "content-security-policy",
          "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
        );
      }
      return reply.send(stream);
    },
  );

  app.delete(
    "/:id",
    {
      config: brokerOnly,
      schema: {
        tags: ["documents"],
        summary: "Delete a document you shared (its file too)",
        params: idParams,
        response: { 204: z.null().meta({ description: "Deleted" }), ...routeErrors },
      },
    },
    async (request, reply) => {
      await documents.deleteTransactionDocument(
        { ...deps, log: request.log },
        request.actor!,
        request.params.id,
      );
      return reply.status(204).send(null);
    },
  );
};

export default routes;
