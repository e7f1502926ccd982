import type { NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { forwardedMetaOf, PATHNAME_HEADER } from "./lib/request-meta";
import {
  ACCESS_COOKIE,
  type CookieSpec,
  clearedSessionCookies,
  needsRefresh,
  REFRESH_COOKIE,
  sessionCookies,
} from "./lib/session/cookies";
import { refreshSession, sessionEnded } from "./lib/session/refresh";

const handleI18nRouting = createMiddleware(routing);

/**
 * Runs before every page render and server action. Renewing the session here, rather than in
 * the pages, means a render never starts with an expired token and the new cookies reach both
 * this render (request cookies) and the browser (response cookies) exactly once.
 */
export async function proxy(request: NextRequest) {
  const updates = await renewSession(request);
  for (const cookie of updates) {
    if (cookie.maxAge > 0) request.cookies.set(cookie.name, cookie.value);
    else request.cookies.delete(cookie.name);
  }
  // Layouts cannot see the URL; the auth guards need it to send people back after login.
  request.headers.set(PATHNAME_HEADER, request.nextUrl.pathname + request.nextUrl.search);

  const response = handleI18nRouting(request);
  for (const cookie of updates) response.cookies.set(cookie);
  return response;
}

async function renewSession(request: NextRequest): Promise<CookieSpec[]> {
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refreshToken || !needsRefresh(request.cookies.get(ACCESS_COOKIE)?.value)) return [];
  const result = await refreshSession(refreshToken, forwardedMetaOf(request.headers));
  if (result.ok) return sessionCookies(result.tokens);
  // When the API is down, keep the cookies: the page shows the outage, not a logout.
  return sessionEnded(result) ? clearedSessionCookies() : [];
}

export const config = {
  // Pages and server actions only: /api/proxy streams uploads and must not be buffered here
  // (it renews the session itself), and static files need neither locale nor session.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
