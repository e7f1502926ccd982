import { ERROR_CODES, type ErrorCode, errorBodySchema, type FieldError } from "@portail/shared";

/** An API answer other than 2xx, or no answer at all (status 503, code SERVICE_UNAVAILABLE). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) {
      const { code, message, fields, request_id } = parsed.data.error;
      return new ApiError(response.status, code, message, fields, request_id);
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

export const isErrorCode = (code: string): code is ErrorCode =>
  (ERROR_CODES as string[]).includes(code);

/**
 * The message key of an error code under `errors.*` in messages/{locale}.json. Every code has
 * one (a unit test checks both languages), so the API's developer message never reaches users.
 */
export const errorMessageKey = (code: ErrorCode) => `errors.${code}` as const;
