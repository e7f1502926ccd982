import type { ErrorBody, ErrorCode, ErrorDetails, FieldError } from "@portail/shared";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../lib/errors.ts";

function body(
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  extra: { fields?: FieldError[]; details?: ErrorDetails } = {},
) {
  const error: ErrorBody["error"] = { code, message, request_id: String(request.id) };
  if (extra.fields) error.fields = extra.fields;
  if (extra.details) error.details = extra.details;
  return { error };
}

/** Maps framework and library errors with a status onto our closed set of codes. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "BAD_REQUEST";
    case 401:
      return "UNAUTHORIZED";
    case 403:
      return "FORBIDDEN";
    case 404:
      return "NOT_FOUND";
    case 405:
      return "METHOD_NOT_ALLOWED";
    case 409:
      return "CONFLICT";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 415:
      return "UNSUPPORTED_MEDIA_TYPE";
    case 429:
      return "RATE_LIMITED";
    case 503:
      return "SERVICE_UNAVAILABLE";
    default:
      return status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
  }
}

export function sendError(reply: FastifyReply, error: AppError) {
  if (error.options.headers) reply.headers(error.options.headers);
  return reply.status(error.statusCode).send(
    body(reply.request, error.code, error.message, {
      fields: error.options.fields,
      details: error.options.details,
    }),
  );
}

/**
 * Fastify's own URL errors (a malformed percent-encoding, a path parameter past the router's
 * cap) happen before routing, so neither the error handler nor any hook sees them: without
 * this, they would answer a bare body of Fastify's. Passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const message =
    error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "A path parameter is too long" : "Malformed URL";
  return reply
    .status(400)
    .header("x-request-id", request.id)
    .send(body(request, "BAD_REQUEST", message));
}

/** The one error handler: SPEC §4 body everywhere, internals never leaked on 5xx. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
      if (error instanceof AppError) {
        if (error.statusCode >= 500) request.log.error({ err: error }, error.message);
        return sendError(reply, error);
      }

      if (hasZodFastifySchemaValidationErrors(error)) {
        const fields: FieldError[] = error.validation.map((issue) => {
          const zodIssue = issue.params.issue as
            | { path?: PropertyKey[]; code?: string }
            | undefined;
          return {
            field:
              issue.instancePath.replace(/^\//, "").replaceAll("/", ".") ||
              (zodIssue?.path ?? []).map(String).join("."),
            code: zodIssue?.code ?? issue.keyword,
            message: issue.message ?? "Invalid value",
          };
        });
        const where = (error as FastifyError).validationContext ?? "request";
        return reply
          .status(400)
          .send(body(request, "VALIDATION_ERROR", `Invalid ${where}`, { fields }));
      }

      const status = (error as FastifyError).statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, "request failed");
        return reply
          .status(status)
          .send(body(request, codeForStatus(status), "Internal server error"));
      }
      // 4xx from Fastify itself or a plugin (bad JSON, body too large, rate limit...).
      return reply.status(status).send(body(request, codeForStatus(status), error.message));
    });

    app.setNotFoundHandler((request, reply) => {
      return reply
        .status(404)
        .send(
          body(
            request,
            "NOT_FOUND",
            `Route ${request.method} ${request.url.split("?")[0]} not found`,
          ),
        );
    });
  },
  { name: "errors" },
);
