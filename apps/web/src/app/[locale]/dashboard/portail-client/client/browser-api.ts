import { type ErrorCode, errorBodySchema } from "@portail/shared";
import type { z } from "zod";

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
 * A browser call to the API through the same-origin door (/api/proxy/<path>), its answer
 * checked against the shared contract. The page never holds a token: the door adds it.
 */
export async function proxyJson<S extends z.ZodType>(
  path: string,
  schema: S,
  init: { method?: "GET" | "POST" | "PUT"; body?: unknown; signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
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
    const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
    throw new ProxyError(
      response.status,
      parsed.success ? parsed.data.error.code : "INTERNAL_ERROR",
    );
  }
  return schema.parse(await response.json());
}
