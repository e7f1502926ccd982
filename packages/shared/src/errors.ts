import { z } from "zod";
import { courtierContactSchema } from "./invitations.ts";

/**
 * The closed set of error codes the API answers with. The web app translates codes;
 * the `message` of an error body is for developers.
 */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  BAD_REQUEST: 400,
  WEAK_PASSWORD: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  ACCOUNT_DISABLED: 401,
  FORBIDDEN: 403,
  ACCESS_DISABLED: 403,
  SIGNUP_CLOSED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ALREADY_USED: 409,
  EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];
export const errorCodeSchema = z.enum(ERROR_CODES);

/** The one place where an error code becomes an HTTP status. */
export function httpStatusFor(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

export const fieldErrorSchema = z.object({
  field: z
    .string()
    .meta({ description: "Dotted path of the offending field", example: "password" }),
  code: z.string().meta({ example: "too_small" }),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** Facts some errors carry so the page can help the user (never another tenant's data). */
export const errorDetailsSchema = z.object({ courtier: courtierContactSchema }).meta({
  id: "ErrorDetails",
  description:
    "Only on 410 EXPIRED of an invitation link (by-token and activate): the inviting " +
    "broker, whom the client asks for a new link.",
});
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string(),
      request_id: z.string(),
      fields: z.array(fieldErrorSchema).optional(),
      details: errorDetailsSchema.optional(),
    }),
  })
  .meta({ id: "ErrorBody" });
export type ErrorBody = z.infer<typeof errorBodySchema>;
