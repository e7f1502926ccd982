import "server-only";
import { cookies, headers } from "next/headers";
import type { z } from "zod";
import { forwardedMetaOf, SESSION_RENEWED_HEADER } from "../request-meta";
import {
  ACCESS_COOKIE,
  accessTokenMaxAge,
  clearedSessionCookies,
  REFRESH_COOKIE,
  refreshCookie,
  sessionCookies,
} from "../session/cookies";
import { refreshSession, sessionEnded } from "../session/refresh";
import { ApiError } from "./errors";
import { type ApiRequest, callApi, type ForwardedMeta } from "./http";

type Init = Omit<ApiRequest, "accessToken" | "meta"> & {
  /** Public endpoints (login, register, password reset) send no token. */
  anonymous?: boolean;
};

/**
 * The API client of server components, server actions and route handlers. It sends the
 * session's bearer token from the httpOnly cookie. proxy.ts renews sessions before rendering,
 * so a 401 here means the token died mid-request: a server action or route handler (which may
 * write cookies) renews and retries once; a server component lets the 401 through, and the
 * guards send the person to login.
 */
export async function apiFetch(path: string, init: Init = {}): Promise<Response> {
  const jar = await cookies();
  const requestHeaders = await headers();
  const meta = forwardedMetaOf(requestHeaders);
  if (init.anonymous) return callApi(path, { ...init, meta });
  if (requestHeaders.get(SESSION_RENEWED_HEADER)) storeRenewedSession(jar);

  const accessToken = jar.get(ACCESS_COOKIE)?.value;
  if (!accessToken && !jar.get(REFRESH_COOKIE)) {
    throw new ApiError(401, "UNAUTHORIZED", "No session");
  }
  try {
    return await callApi(path, { ...init, accessToken, meta });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    const renewed = await renewWhereWritable(jar, meta);
    if (!renewed) throw error;
    return callApi(path, { ...init, accessToken: renewed, meta });
  }
}

/** GET/POST/... and validate the JSON answer against the shared contract. */
export async function apiJson<S extends z.ZodType>(
  path: string,
  schema: S,
  init: Init = {},
): Promise<z.infer<S>> {
  const response = await apiFetch(path, init);
  return schema.parse(await response.json());
}

type CookieJar = Awaited<ReturnType<typeof cookies>>;

/**
 * proxy.ts renewed this action's session and handed the new tokens in the request cookies.
 * Storing them through cookies() as well makes them reach the browser even when the action
 * ends with a redirect (which drops the cookies the proxy set on its own response).
 */
function storeRenewedSession(jar: CookieJar) {
  const access = jar.get(ACCESS_COOKIE)?.value;
  const refresh = jar.get(REFRESH_COOKIE)?.value;
  if (!access || !refresh || !canWriteCookies(jar)) return;
  for (const cookie of sessionCookies({
    access_token: access,
    refresh_token: refresh,
    expires_in: accessTokenMaxAge(access),
  })) {
    jar.set(cookie);
  }
}

async function renewWhereWritable(jar: CookieJar, meta: ForwardedMeta): Promise<string | null> {
  const refreshToken = jar.get(REFRESH_COOKIE)?.value;
  if (!refreshToken || !canWriteCookies(jar)) return null;
  const result = await refreshSession(refreshToken, meta);
  if (result.ok) {
    for (const cookie of sessionCookies(result.tokens)) jar.set(cookie);
    return result.tokens.access_token;
  }
  if (sessionEnded(result)) for (const cookie of clearedSessionCookies()) jar.set(cookie);
  return null;
}

/**
 * Server components may read but not write cookies. Renewing there would burn the refresh
 * token without handing the new one to the browser, whose next request would then replay the
 * old one and get the whole session revoked; so renew only where the result can be stored.
 */
function canWriteCookies(jar: CookieJar): boolean {
  const current = jar.get(REFRESH_COOKIE);
  try {
    // Re-setting the same value is harmless where allowed and throws in a server component.
    if (current) jar.set(refreshCookie(current.value));
    return true;
  } catch {
    return false;
  }
}

/** Stores a fresh session (login, register) in the httpOnly cookies. */
export async function storeSession(tokens: Parameters<typeof sessionCookies>[0]) {
  const jar = await cookies();
  for (const cookie of sessionCookies(tokens)) jar.set(cookie);
}

export async function clearSession() {
  const jar = await cookies();
  for (const cookie of clearedSessionCookies()) jar.set(cookie);
}
