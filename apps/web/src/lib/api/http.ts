import { randomUUID } from "node:crypto";
import { env } from "../env";
import { logEvent } from "../log";
import { ApiError } from "./errors";

/** What the web server passes on about the browser's request, for the API's logs and limits. */
export interface ForwardedMeta {
  forwardedFor?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

export function forwardedHeaders(meta: ForwardedMeta = {}): Record<string, string> {
  const headers: Record<string, string> = { "x-request-id": meta.requestId || randomUUID() };
  // The API trusts X-Forwarded-For in production, so its per-IP limits see the person, not us.
  if (meta.forwardedFor) headers["x-forwarded-for"] = meta.forwardedFor;
  if (meta.userAgent) headers["user-agent"] = meta.userAgent;
  return headers;
}

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Serialized as JSON. */
  body?: unknown;
  accessToken?: string;
  meta?: ForwardedMeta;
  signal?: AbortSignal;
}

const TIMEOUT_MS = 15_000;

/** One call to the API under /api/v1; throws ApiError for any non-2xx answer or no answer. */
export async function callApi(path: string, request: ApiRequest = {}): Promise<Response> {
  const headers: Record<string, string> = {
    accept: "application/json",
    ...forwardedHeaders(request.meta),
  };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;

  const method = request.method ?? "GET";
  const started = performance.now();
  const logged = { request_id: headers["x-request-id"], method, path: path.split("?")[0] };
  let response: Response;
  try {
    response = await fetch(`${env.apiUrl}/api/v1${path}`, {
      method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal ?? AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (cause) {
    logEvent("error", "API unreachable", { ...logged, error: String(cause) });
    throw ApiError.unreachable(cause);
  }
  const ms = Math.round(performance.now() - started);
  logEvent(response.status >= 500 ? "error" : "info", "API call", {
    ...logged,
    status: response.status,
    ms,
  });
  if (!response.ok) throw await ApiError.fromResponse(response);
  return response;
}
