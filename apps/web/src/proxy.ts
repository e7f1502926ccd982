import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { forwardedMetaOf, PATHNAME_HEADER, SESSION_RENEWED_HEADER } from "./lib/request-meta";
import {
  ACCESS_COOKIE,
  type CookieSpec,
  clearedSessionCookies,
  needsRefresh,
  REFRESH_COOKIE,
  serializeCookie,
  sessionCookies,
} from "./lib/session/cookies";
import { refreshSession, sessionEnded } from "./lib/session/refresh";

const handleI18nRouting = createMiddleware(routing);

/**
 * Runs before every page render and server action. Renewing the session here, rather than in
 * the pages, means a render never starts with an expired token, and concurrent requests share
 * one refresh (see lib/session/refresh.ts).
 */
export async function proxy(request: NextRequest) {
  request.headers.delete(SESSION_RENEWED_HEADER);
  const updates = await renewSession(request);

  // Next 16.4 drops cookies set here when the page then redirects (guards, role homes), which
  // would leave the browser holding a spent refresh token. So a GET that renewed the session
  // is sent back to the same URL with the new cookies, and renders on the next request.
  if (updates.length > 0 && (request.method === "GET" || request.method === "HEAD")) {
    const response = NextResponse.redirect(request.nextUrl, 307);
    response.headers.set("cache-control", "no-store");
    return withCookies(response, updates);
  }

  if (updates.length > 0) {
    // A server action (POST): it sees the new tokens now, and apiFetch stores them through
    // cookies(), which survives the action's own redirect.
    for (const cookie of updates) {
      if (cookie.maxAge > 0) request.cookies.set(cookie.name, cookie.value);
      else request.cookies.delete(cookie.name);
    }
    request.headers.set(SESSION_RENEWED_HEADER, "1");
  }
  // Layouts cannot see the URL; the auth guards need it to send people back after login.
  request.headers.set(PATHNAME_HEADER, request.nextUrl.pathname + request.nextUrl.search);

  return withCookies(handleI18nRouting(request), updates);
}

async function renewSession(request: NextRequest): Promise<CookieSpec[]> {
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refreshToken || !needsRefresh(request.cookies.get(ACCESS_COOKIE)?.value)) return [];
  const result = await refreshSession(refreshToken, forwardedMetaOf(request.headers));
  if (result.ok) return sessionCookies(result.tokens);
  // When the API is down, keep the cookies: the page shows the outage, not a logout.
  return sessionEnded(result) ? clearedSessionCookies() : [];
}

/** Raw headers rather than response.cookies, which Next copies (and mangles) into the render. */
function withCookies(response: NextResponse, cookies: CookieSpec[]) {
  for (const cookie of cookies) response.headers.append("set-cookie", serializeCookie(cookie));
  return response;
}

export const config = {
  // Pages and server actions only: /api/proxy streams uploads and must not be buffered here
  // (it renews the session itself), and static files need neither locale nor session.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
