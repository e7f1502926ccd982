import { type ErrorCode, type FieldError, isErrorCode } from "@portail/shared/constants";
import { parseErrorBody } from "@portail/shared/error-body";

// Zod-free: client components import this file (ErrorMessage, the broker's sections), and the
// shared schemas would bring zod into every page's JavaScript.

/** An API answer other than 2xx, or no answer at all (status 503, code SERVICE_UNAVAILABLE). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId?: string,
    /** Extra facts of the error body (e.g. `courtier` on an expired invitation). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const body = parseErrorBody(await response.json().catch(() => null));
    if (body) {
      const { code, message, fields, request_id, details } = body;
      return new ApiError(response.status, code, message, fields, request_id, details);
    }
    return new ApiError(
      response.status,
      codeForStatus(response.status),
      `API answered ${response.status}`,
      [],
      response.headers.get("x-request-id") ?? undefined,
    );
  }

  static unreachable(cause: unknown): ApiError {
    const error = new ApiError(503, "SERVICE_UNAVAILABLE", "The API could not be reached");
    error.cause = cause;
    return error;
  }
}

function codeForStatus(status: number): ErrorCode {
  const byStatus: Record<number, ErrorCode> = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    409: "CONFLICT",
    410: "EXPIRED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "RATE_LIMITED",
    503: "SERVICE_UNAVAILABLE",
  };
  return byStatus[status] ?? (status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
}

export { isErrorCode };

/**
 * The message key of an error code under `errors.*` in messages/{locale}.json. Every code has
 * one (a unit test checks both languages), so the API's developer message never reaches users.
 */
export const errorMessageKey = (code: ErrorCode) => `errors.${code}` as const;
