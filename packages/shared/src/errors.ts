import { z } from "zod";
import { ERROR_CODES } from "./constants.ts";
import { courtierContactSchema } from "./invitations.ts";

export { ERROR_CODES, ERROR_STATUS, type ErrorCode, httpStatusFor } from "./constants.ts";

export const errorCodeSchema = z.enum(ERROR_CODES);

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
