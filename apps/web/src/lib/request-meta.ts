import type { ForwardedMeta } from "./api/http";

/** Set by proxy.ts: the path and query the browser asked for. */
export const PATHNAME_HEADER = "x-portail-pathname";

export function forwardedMetaOf(headers: Headers): ForwardedMeta {
  return {
    forwardedFor: headers.get("x-forwarded-for"),
    userAgent: headers.get("user-agent"),
    requestId: headers.get("x-request-id"),
  };
}
