import { randomUUID } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { type NextRequest, NextResponse } from "next/server";
import {
  apiPathFromSegments,
  FORWARDED_REQUEST_HEADERS,
  FORWARDED_RESPONSE_HEADERS,
  isSameOriginRequest,
} from "@/lib/api/forwarding";
import { forwardedHeaders } from "@/lib/api/http";
import { env } from "@/lib/env";
import {
  ACCESS_COOKIE,
  type CookieSpec,
  clearedSessionCookies,
  needsRefresh,
  REFRESH_COOKIE,
  sessionCookies,
} from "@/lib/session/cookies";
import { refreshSession, sessionEnded } from "@/lib/session/refresh";

/**
 * Same-origin door to the API for the browser (uploads, downloads, live messages): the page's
 * JavaScript calls /api/proxy/<path>, and this handler adds the bearer token from the httpOnly
 * cookie. Bodies are streamed both ways, never buffered. proxy.ts does not run here (it would
 * buffer uploads), so this handler renews the session itself.
 */
async function forward(request: NextRequest, context: { params: Promise<{ path: string[] }> }) {
  const requestId = randomUUID();
  if (!isSameOriginRequest(request.method, request.headers)) {
    return problem(403, "FORBIDDEN", "Cross-origin request refused", requestId);
  }
  const path = apiPathFromSegments((await context.params).path);
  if (!path) return problem(404, "NOT_FOUND", "No such API path", requestId);

  const { accessToken, cookies } = await currentAccessToken(request);
  if (!accessToken) {
    return withCookies(problem(401, "UNAUTHORIZED", "No session", requestId), cookies);
  }

  const headers = new Headers(
    forwardedHeaders({
      requestId,
      forwardedFor: request.headers.get("x-forwarded-for"),
      userAgent: request.headers.get("user-agent"),
    }),
  );
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  headers.set("authorization", `Bearer ${accessToken}`);

  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let upstream: Upstream;
  try {
    upstream = await send(
      new URL(`${env.apiUrl}/api/v1${path}${request.nextUrl.search}`),
      request.method,
      headers,
      hasBody ? request.body : null,
      request.signal,
    );
  } catch {
    return withCookies(
      problem(503, "SERVICE_UNAVAILABLE", "The API could not be reached", requestId),
      cookies,
    );
  }

  const responseHeaders = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers[name];
    if (value) responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const response = new NextResponse(request.method === "HEAD" ? null : upstream.body, {
    status: upstream.status,
    headers: responseHeaders,
  });
  return withCookies(response, cookies);
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: ReadableStream<Uint8Array>;
}

/**
 * node:http rather than fetch: the API may refuse an upload (401, 413, 415) before reading all
 * of it and close the connection; fetch then fails with EPIPE and loses the answer, while here
 * the answer arrives first and the rest of the upload is dropped.
 */
function send(
  url: URL,
  method: string,
  headers: Headers,
  body: ReadableStream<Uint8Array> | null,
  signal: AbortSignal,
): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const upstream = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method,
      headers: Object.fromEntries(headers),
      signal,
    });
    upstream.on("response", (response) => {
      resolve({
        status: response.statusCode ?? 502,
        headers: response.headers,
        body: Readable.toWeb(response) as ReadableStream<Uint8Array>,
      });
    });
    // Before a response this is a real failure; after one it is the refused upload's end.
    upstream.on("error", reject);
    if (!body) {
      upstream.end();
      return;
    }
    const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
    source.on("error", () => upstream.destroy());
    source.pipe(upstream);
  });
}

/** The access token to use, renewed first when it is about to expire. */
async function currentAccessToken(
  request: NextRequest,
): Promise<{ accessToken?: string; cookies: CookieSpec[] }> {
  const accessToken = request.cookies.get(ACCESS_COOKIE)?.value;
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refreshToken || !needsRefresh(accessToken)) return { accessToken, cookies: [] };
  const result = await refreshSession(refreshToken, {
    forwardedFor: request.headers.get("x-forwarded-for"),
    userAgent: request.headers.get("user-agent"),
  });
  if (result.ok) {
    return { accessToken: result.tokens.access_token, cookies: sessionCookies(result.tokens) };
  }
  return sessionEnded(result) ? { cookies: clearedSessionCookies() } : { accessToken, cookies: [] };
}

function withCookies(response: NextResponse, cookies: CookieSpec[]) {
  for (const cookie of cookies) response.cookies.set(cookie);
  return response;
}

/** Same error body as the API (SPEC §4), so browser code handles one shape. */
function problem(status: number, code: string, message: string, requestId: string) {
  return NextResponse.json(
    { error: { code, message, request_id: requestId } },
    { status, headers: { "x-request-id": requestId } },
  );
}

export const GET = forward;
export const HEAD = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
