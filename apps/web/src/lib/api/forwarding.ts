/**
 * Rules of the same-origin forwarding route (src/app/api/proxy/[...path]/route.ts), kept pure
 * so they are unit-tested.
 */

/** Paths whose answers carry tokens: the browser must never receive those. */
const DENIED_PREFIXES = ["auth/", "client-invitations/activate/"];

/** Rebuilds the API path from route segments, or null when a segment could escape /api/v1. */
export function apiPathFromSegments(segments: readonly string[]): string | null {
  if (segments.length === 0) return null;
  if (segments.some((s) => s === "" || s === "." || s === ".." || /[\\/]/.test(s))) return null;
  const path = segments.map(encodeURIComponent).join("/");
  if (DENIED_PREFIXES.some((prefix) => `${path}/`.startsWith(prefix))) return null;
  return `/${path}`;
}

/**
 * Accepts only requests made by this site's own pages. Browsers send Sec-Fetch-Site on every
 * request and Origin on every non-GET one; a request with neither is not from a browser page
 * of ours and may only read (GET/HEAD), since cookies would otherwise make it a CSRF vector.
 */
export function isSameOriginRequest(method: string, headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  const safe = method === "GET" || method === "HEAD";
  if (site && site !== "same-origin" && !(safe && site === "none")) return false;

  const origin = headers.get("origin");
  if (origin) {
    const host = headers.get("x-forwarded-host") ?? headers.get("host");
    try {
      if (!host || new URL(origin).host !== host) return false;
    } catch {
      return false;
    }
  } else if (!safe && !site) {
    return false;
  }
  return true;
}

/** Request headers passed on to the API; cookies and the browser's own auth never are. */
export const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "accept-language",
  "content-type",
  "content-length",
  "if-none-match",
  "if-modified-since",
  "range",
  "last-event-id",
];

/** Response headers passed back to the browser. */
export const FORWARDED_RESPONSE_HEADERS = [
  "content-type",
  "content-length",
  "content-disposition",
  "content-range",
  "accept-ranges",
  "cache-control",
  "etag",
  "last-modified",
  "retry-after",
  // The API sandboxes documents opened inline (no script, form or plugin may run from them).
  "content-security-policy",
  "x-content-type-options",
  "x-request-id",
];

/**
 * The browser's URL for an API path the API handed out (e.g. a document's `download_url`,
 * "/api/v1/portail/transaction-documents/7/download?token=…"): the same path behind /api/proxy.
 */
export function toProxyUrl(apiUrl: string): string {
  return apiUrl.replace(/^\/api\/v1\//, "/api/proxy/");
}
