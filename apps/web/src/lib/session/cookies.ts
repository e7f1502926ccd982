import type { TokenResponse } from "@portail/shared";
import { env } from "../env";

// Shared by proxy.ts, route handlers and server actions; deliberately not "server-only"
// because the proxy bundle does not resolve the react-server condition.

export const ACCESS_COOKIE = "portail_at";
export const REFRESH_COOKIE = "portail_rt";

/**
 * Refresh this long before the access token expires, so a render never starts with a dying
 * token: a minute, or a quarter of the token's lifetime when tokens are that short.
 */
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

interface AccessClaims {
  exp?: unknown;
  iat?: unknown;
}

/** Reads the access token's claims without verifying it: only the API verifies tokens. */
function claimsOf(accessToken: string): AccessClaims | null {
  const payload = accessToken.split(".")[1];
  if (!payload) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as AccessClaims;
  } catch {
    return null;
  }
}

/** Seconds the access token has left (0 when unreadable), to give its cookie the same life. */
export function accessTokenMaxAge(accessToken: string, now = Date.now()): number {
  const exp = claimsOf(accessToken)?.exp;
  return typeof exp === "number" ? Math.max(0, Math.floor(exp - now / 1000)) : 0;
}

/** Whether the web server should renew the session before using this access token. */
export function needsRefresh(accessToken: string | undefined, now = Date.now()): boolean {
  if (!accessToken) return true;
  const claims = claimsOf(accessToken);
  if (typeof claims?.exp !== "number") return true;
  const lifetime = typeof claims.iat === "number" ? claims.exp - claims.iat : Infinity;
  const margin = Math.min(REFRESH_MARGIN_SECONDS, lifetime / 4);
  return claims.exp - now / 1000 <= margin;
}

/** A Set-Cookie header value for a cookie spec. */
export function serializeCookie(cookie: CookieSpec): string {
  const parts = [
    `${cookie.name}=${encodeURIComponent(cookie.value)}`,
    `Path=${cookie.path}`,
    `Max-Age=${cookie.maxAge}`,
  ];
  if (cookie.maxAge <= 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  parts.push("HttpOnly", "SameSite=Lax");
  if (cookie.secure) parts.push("Secure");
  return parts.join("; ");
}
