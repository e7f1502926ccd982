import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "./constants.ts";
import { localeSchema, roleSchema } from "./enums.ts";

export { PASSWORD_MIN_LENGTH } from "./constants.ts";
export const PASSWORD_MAX_LENGTH = 128;

/** Emails are compared trimmed and lower-cased everywhere. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254))
  .meta({ example: "marie.dubois@example.com" });

/**
 * Length rules of the password policy (NIST 800-63B spirit: no composition rules).
 * The API additionally rejects very common passwords.
 */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .meta({ example: "une phrase de passe longue" });

const nameSchema = z.string().trim().min(1).max(100);
const telephoneSchema = z.string().trim().max(30);

export const registerBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  first_name: nameSchema.meta({ example: "Marie" }),
  last_name: nameSchema.meta({ example: "Dubois" }),
  telephone: telephoneSchema.optional(),
  locale: localeSchema.default("fr"),
});
export type RegisterBody = z.input<typeof registerBodySchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  // No policy on login: an old password must still be accepted for comparison.
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginBody = z.input<typeof loginBodySchema>;

export const refreshBodySchema = z.object({
  refresh_token: z.string().min(1).max(200),
});

export const logoutBodySchema = z.object({
  refresh_token: z.string().min(1).max(200).optional(),
});

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    telephone: z.string().nullable(),
    role: roleSchema,
    locale: localeSchema,
    client_invitation_id: z.number().int().nullable(),
    is_active: z.boolean(),
    last_login_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;

export const tokenResponseSchema = z
  .object({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal("bearer"),
    expires_in: z.number().int().meta({ description: "Access token lifetime in seconds" }),
    user: userSchema,
  })
  .meta({ id: "TokenResponse" });
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const passwordResetRequestBodySchema = z.object({
  email: emailSchema,
  locale: localeSchema.optional(),
});

export const passwordResetConfirmBodySchema = z.object({
  token: z.string().min(1).max(200),
  password: passwordSchema,
});

export const okResponseSchema = z.object({ ok: z.literal(true) });
