// `@portail/shared/error-body`: reads the API's error body (SPEC §4) without zod, so browser
// code can tell error codes apart without shipping the schemas. errorBodySchema (errors.ts)
// stays the contract; error-body.test.ts checks that both accept and refuse the same bodies.
import { isErrorCode } from "./constants.ts";
import type { ErrorCode, FieldError } from "./errors.ts";

export interface ParsedErrorBody {
  code: ErrorCode;
  message: string;
  request_id: string;
  fields?: FieldError[];
  /** Extra facts some errors carry (e.g. the broker to ask for a new link); not checked here. */
  details?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isFieldError = (value: unknown): value is FieldError =>
  isRecord(value) &&
  typeof value.field === "string" &&
  typeof value.code === "string" &&
  typeof value.message === "string";

/** The `error` of an API error body, or null when the body is not one (a proxy's HTML page…). */
export function parseErrorBody(body: unknown): ParsedErrorBody | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { code, message, request_id, fields, details } = body.error;
  if (!isErrorCode(code) || typeof message !== "string" || typeof request_id !== "string") {
    return null;
  }
  if (fields !== undefined && !(Array.isArray(fields) && fields.every(isFieldError))) return null;
  return {
    code,
    message,
    request_id,
    ...(fields === undefined
      ? {}
      : { fields: fields.map(({ field, code, message }) => ({ field, code, message })) }),
    ...(isRecord(details) ? { details } : {}),
  };
}
