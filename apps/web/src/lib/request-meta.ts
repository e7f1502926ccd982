import type { ForwardedMeta } from "./api/http";

/** Set by proxy.ts: the path and query the browser asked for. */
export const PATHNAME_HEADER = "x-portail-pathname";

/** Set by proxy.ts when it renewed the session of a POST (server action). */
export const SESSION_RENEWED_HEADER = "x-portail-session-renewed";

export function forwardedMetaOf(headers: Headers): ForwardedMeta {
  return {
    forwardedFor: headers.get("x-forwarded-for"),
    userAgent: headers.get("user-agent"),
    // No requestId: a browser could choose it; each API call gets a fresh one from us.
  };
}
