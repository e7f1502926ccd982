"use client";

import { errorBodySchema } from "@portail/shared";
import type { z } from "zod";
import { proxyUrl } from "./browser-paths";

// Browser calls to the API through the same-origin door /api/proxy (the bearer token stays in
// the httpOnly cookie): uploads with progress, downloads and the live message thread.

export class ProxyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`API answered ${status} ${code}`);
    this.name = "ProxyError";
  }
}

/** The code of an error body, or one that fits the status when the body is not the API's. */
function errorOf(status: number, body: unknown): ProxyError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) return new ProxyError(status, parsed.data.error.code);
  const byStatus: Record<number, string> = {
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "RATE_LIMITED",
  };
  return new ProxyError(
    status,
    byStatus[status] ?? (status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST"),
  );
}

export { proxyUrl };

export async function proxyJson<S extends z.ZodType>(
  path: string,
  schema: S,
  init: { method?: "GET" | "POST" | "PUT" | "DELETE"; body?: unknown; signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(proxyUrl(path), {
      method: init.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      cache: "no-store",
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ProxyError(0, "SERVICE_UNAVAILABLE");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(response.status, body);
  return schema.parse(body);
}

export interface UploadHandle<T> {
  done: Promise<T>;
  abort: () => void;
}

/**
 * A multipart upload with real progress: fetch cannot report upload progress, XMLHttpRequest
 * can (upload.onprogress). Text fields must come before the file (the API reads a stream).
 */
export function uploadWithProgress<S extends z.ZodType>(
  path: string,
  form: FormData,
  schema: S,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle<z.infer<S>> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<z.infer<S>>((resolve, reject) => {
    xhr.open("POST", proxyUrl(path));
    xhr.responseType = "json";
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = schema.safeParse(xhr.response);
        if (parsed.success) resolve(parsed.data);
        else reject(new ProxyError(xhr.status, "INTERNAL_ERROR"));
      } else {
        reject(errorOf(xhr.status, xhr.response));
      }
    };
    xhr.onerror = () => reject(new ProxyError(0, "SERVICE_UNAVAILABLE"));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
