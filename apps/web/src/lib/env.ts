import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  API_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. http://127.0.0.1:8000" })
    .default("http://127.0.0.1:8000"),
  // Secure cookies need HTTPS; a self-hosted server reached over plain HTTP on a LAN can opt out.
  COOKIE_SECURE: bool.optional(),
  // How long the browser keeps the refresh-token cookie; match the API's REFRESH_TOKEN_TTL_DAYS.
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid web configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>) {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`),
    );
  }
  const env = result.data;
  return {
    isProduction: env.NODE_ENV === "production",
    apiUrl: env.API_URL.replace(/\/+$/, ""),
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    sessionMaxAgeSeconds: env.SESSION_MAX_AGE_DAYS * 86_400,
  };
}

/** Parsed once, when the server starts (see src/instrumentation.ts); never read process.env elsewhere. */
export const env = parseEnv(process.env);
