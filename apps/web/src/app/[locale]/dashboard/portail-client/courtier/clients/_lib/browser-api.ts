"use client";

import { parseErrorBody } from "@portail/shared/error-body";
import { proxyUrl } from "./browser-paths";

// Browser calls to the API through the same-origin door /api/proxy (the bearer token stays in
// the httpOnly cookie): uploads with progress, downloads and the live message thread. Answers
// are typed, not parsed: the shared schemas would ship zod to the browser.

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
  const parsed = parseErrorBody(body);
  if (parsed) return new ProxyError(status, parsed.code);
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

export async function proxyJson<T>(
  path: string,
  init: { method?: "GET" | "POST" | "PUT" | "DELETE"; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
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
  return body as T;
}

export interface UploadHandle<T> {
  done: Promise<T>;
  abort: () => void;
}

/**
 * A multipart upload with real progress: fetch cannot report upload progress, XMLHttpRequest
 * can (upload.onprogress). Text fields must come before the file (the API reads a stream).
 */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open("POST", proxyUrl(path));
    xhr.responseType = "json";
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        // responseType "json" gives null when the answer is not JSON.
        if (xhr.response !== null) resolve(xhr.response as T);
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
