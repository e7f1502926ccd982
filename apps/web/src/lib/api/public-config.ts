import "server-only";
import { type PublicConfig, publicConfigSchema } from "@portail/shared";
import { cache } from "react";
import { env } from "../env";
import { logEvent } from "../log";

/** How long a fetched configuration is reused: it changes only when the API is redeployed. */
export const PUBLIC_CONFIG_REVALIDATE_SECONDS = 300;

/**
 * Used when the API cannot answer: the API's own defaults (SPEC §4), so a page that shows the
 * upload limit or the link's lifetime still renders. The API checks both anyway.
 */
export const FALLBACK_PUBLIC_CONFIG: PublicConfig = {
  max_upload_bytes: 25 * 1024 * 1024,
  invitation_ttl_days: 7,
  broker_signup: true,
};

/**
 * The API's public settings (GET /api/v1/config: upload limit, invitation lifetime, sign-up),
 * shared by every visitor: kept in Next's data cache for PUBLIC_CONFIG_REVALIDATE_SECONDS and
 * read once per request.
 */
export const getPublicConfig = cache(async (): Promise<PublicConfig> => {
  try {
    const response = await fetch(`${env.apiUrl}/api/v1/config`, {
      headers: { accept: "application/json" },
      next: { revalidate: PUBLIC_CONFIG_REVALIDATE_SECONDS },
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`API answered ${response.status}`);
    return publicConfigSchema.parse(await response.json());
  } catch (error) {
    logEvent("error", "Public configuration unavailable, using defaults", { error: String(error) });
    return FALLBACK_PUBLIC_CONFIG;
  }
});
