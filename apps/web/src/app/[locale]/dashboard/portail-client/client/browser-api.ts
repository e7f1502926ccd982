import type { ErrorCode } from "@portail/shared/constants";
import { parseErrorBody } from "@portail/shared/error-body";

/** A failed browser call through /api/proxy, with the API's error code. */
export class ProxyError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "NETWORK",
  ) {
    super(`API call failed: ${status} ${code}`);
    this.name = "ProxyError";
  }
}

/**
 * A browser call to the API through the same-origin door (/api/proxy/<path>). The page never
 * holds a token: the door adds it. The answer is typed, not parsed: checking it with the shared
 * schemas would ship zod to the browser, and the API's answers are checked by its own tests.
 */
export async function proxyJson<T>(
  path: string,
  init: { method?: "GET" | "POST" | "PUT"; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/proxy${path}`, {
      method: init.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ProxyError(0, "NETWORK");
  }
  if (!response.ok) {
    const body = parseErrorBody(await response.json().catch(() => null));
    throw new ProxyError(response.status, body?.code ?? "INTERNAL_ERROR");
  }
  return (await response.json()) as T;
}
