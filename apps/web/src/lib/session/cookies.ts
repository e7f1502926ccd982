import type { TokenResponse } from "@portail/shared";
import { env } from "../env";

// Shared by proxy.ts, route handlers and server actions; deliberately not "server-only"
// because the proxy bundle does not resolve the react-server condition.

export const ACCESS_COOKIE = "portail_at";
export const REFRESH_COOKIE = "portail_rt";

/** Refresh this long before the access token expires, so a render never starts with a dying token. */
export const REFRESH_MARGIN_SECONDS = 60;

export interface CookieSpec {
  name: string;
  value: string;
  httpOnly: true;
  secure: boolean;
  sameSite: "lax";
  path: "/";
  maxAge: number;
}

const base = () => ({
  httpOnly: true as const,
  secure: env.cookieSecure,
  sameSite: "lax" as const,
  path: "/" as const,
});

/** The two cookies that hold a session; the browser's JavaScript never reads them. */
export function sessionCookies(
  tokens: Pick<TokenResponse, "access_token" | "refresh_token" | "expires_in">,
): CookieSpec[] {
  return [
    { name: ACCESS_COOKIE, value: tokens.access_token, maxAge: tokens.expires_in, ...base() },
    refreshCookie(tokens.refresh_token),
  ];
}

export function refreshCookie(value: string): CookieSpec {
  return { name: REFRESH_COOKIE, value, maxAge: env.sessionMaxAgeSeconds, ...base() };
}

export function clearedSessionCookies(): CookieSpec[] {
  return [ACCESS_COOKIE, REFRESH_COOKIE].map((name) => ({ name, value: "", maxAge: 0, ...base() }));
}

/**
 * Seconds until the access token expires, read from its `exp` claim without verifying it:
 * only the API verifies tokens; the web server only decides when to refresh.
 */
export function secondsUntilExpiry(accessToken: string | undefined, now = Date.now()): number {
  if (!accessToken) return 0;
  const payload = accessToken.split(".")[1];
  if (!payload) return 0;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      exp?: unknown;
    };
    return typeof exp === "number" ? exp - Math.floor(now / 1000) : 0;
  } catch {
    return 0;
  }
}

export function needsRefresh(accessToken: string | undefined, now = Date.now()): boolean {
  return secondsUntilExpiry(accessToken, now) <= REFRESH_MARGIN_SECONDS;
}
