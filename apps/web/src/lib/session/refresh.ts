import { createHash } from "node:crypto";
import { type TokenResponse, tokenResponseSchema } from "@portail/shared";
import { ApiError } from "../api/errors";
import { callApi, type ForwardedMeta } from "../api/http";

/**
 * The API rotates refresh tokens and treats a second use of one as theft (it revokes the
 * session). A page load fires several requests at once (document, RSC payloads, prefetches),
 * all carrying the same cookie, so every refresh in this process goes through here: callers
 * holding the same token share one API call, and its result is kept for a short while for
 * requests that were already in flight with the old cookie.
 */
const REMEMBER_MS = 30_000;

export type RefreshResult = { ok: true; tokens: TokenResponse } | { ok: false; code: string };

const pending = new Map<string, Promise<RefreshResult>>();

const keyOf = (refreshToken: string) => createHash("sha256").update(refreshToken).digest("hex");

export function refreshSession(refreshToken: string, meta?: ForwardedMeta): Promise<RefreshResult> {
  const key = keyOf(refreshToken);
  const existing = pending.get(key);
  if (existing) return existing;

  const promise = exchange(refreshToken, meta);
  pending.set(key, promise);
  promise.then(
    (result) => {
      // A definitive answer is shared for a while; a transient failure may be retried at once.
      if (!result.ok && result.code === "SERVICE_UNAVAILABLE") pending.delete(key);
      else setTimeout(() => pending.delete(key), REMEMBER_MS).unref?.();
    },
    () => pending.delete(key),
  );
  return promise;
}

async function exchange(refreshToken: string, meta?: ForwardedMeta): Promise<RefreshResult> {
  try {
    const response = await callApi("/auth/refresh", {
      method: "POST",
      body: { refresh_token: refreshToken },
      meta,
    });
    return { ok: true, tokens: tokenResponseSchema.parse(await response.json()) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, code: error.code };
    throw error;
  }
}

/** Whether a failed refresh means the session is over (as opposed to the API being down). */
export const sessionEnded = (result: RefreshResult) =>
  !result.ok &&
  result.code !== "SERVICE_UNAVAILABLE" &&
  result.code !== "RATE_LIMITED" &&
  result.code !== "INTERNAL_ERROR";
