// The server settings the web app adapts to (GET /api/v1/config): public, the same for everyone.
import { z } from "zod";

export const publicConfigSchema = z
  .object({
    max_upload_bytes: z
      .number()
      .int()
      .meta({ description: "Largest accepted document (MAX_UPLOAD_MB)", example: 26_214_400 }),
    invitation_ttl_days: z
      .number()
      .int()
      .meta({ description: "How long an activation link works (INVITATION_TTL_DAYS)", example: 7 }),
    broker_signup: z
      .boolean()
      .meta({ description: "Whether brokers may create an account (BROKER_SIGNUP=open)" }),
  })
  .meta({ id: "PublicConfig" });
export type PublicConfig = z.infer<typeof publicConfigSchema>;
