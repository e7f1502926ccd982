import { describe, expect, it } from "vitest";
import { useTestApp } from "../test/context.ts";

const ctx = useTestApp();

describe("API core", () => {
  it("answers unknown routes with the error body and a request id", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/v1/nope" });
    expect(response.statusCode).toBe(404);
    const body = response.json();
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.request_id).toBe(response.headers["x-request-id"]);
  });

  it("keeps a well-formed incoming request id and replaces a malformed one", async () => {
    const kept = await ctx.app.inject({
      method: "GET",
      url: "/health",
      headers: { "x-request-id": "web-1234abcd" },
    });
    expect(kept.headers["x-request-id"]).toBe("web-1234abcd");
    const replaced = await ctx.app.inject({
      method: "GET",
      url: "/health",
      headers: { "x-request-id": "bad id\nwith newline" },
    });
    expect(replaced.headers["x-request-id"]).not.toContain("bad");
  });

  it("reports liveness and readiness", async () => {
    expect((await ctx.app.inject({ method: "GET", url: "/health" })).json()).toEqual({
      status: "ok",
    });
    const ready = await ctx.app.inject({ method: "GET", url: "/health/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().database).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });

  it("sends security headers and limits CORS to FRONTEND_URL", async () => {
    const allowed = await ctx.app.inject({
      method: "OPTIONS",
      url: "/api/v1/auth/login",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" },
    });
    expect(allowed.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
    const refused = await ctx.app.inject({
      method: "OPTIONS",
      url: "/api/v1/auth/login",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
    const health = await ctx.app.inject({ method: "GET", url: "/health" });
    expect(health.headers["x-content-type-options"]).toBe("nosniff");
    expect(health.headers["content-security-policy"]).toContain("default-src 'none'");
  });

  it("rejects malformed JSON with a 400 error body", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("BAD_REQUEST");
  });

  it("generates the OpenAPI document from the route schemas and serves the docs page", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/auth/register",
      "/api/v1/auth/login",
      "/api/v1/auth/refresh",
      "/api/v1/auth/logout",
      "/api/v1/auth/me",
      "/api/v1/auth/password-reset/request",
      "/api/v1/auth/password-reset/confirm",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(
      doc.paths["/api/v1/auth/login"].post.requestBody.content["application/json"].schema
        .properties,
    ).toHaveProperty("email");
    const docs = await ctx.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
    // The docs page loads its own script and styles: its CSP replaces the API's default-src 'none'.
    expect(docs.headers["content-security-policy"]).toContain("script-src 'self'");
  });
});

describe("client IP behind a proxy", () => {
  const proxied = useTestApp({ TRUST_PROXY_HOPS: "1", RATE_LIMIT_AUTH_PER_IP: "2" });

  it("trusts only the declared proxy hop, so a forged X-Forwarded-For cannot dodge the IP limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await proxied.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "10.0.0.1",
        // The client forges the first entries; the proxy appends the address it saw last.
        headers: { "x-forwarded-for": `198.51.100.${i}, 203.0.113.7` },
        payload: { email: `nobody${i}@example.com`, password: "wrong password here" },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 429, 429]);
  });
});
