import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import { uniqueEmail } from "../../../test/factories.ts";

const PER_IP = 3;
const PER_EMAIL = 2;
const WINDOW_SECONDS = 600;

const ctx = useTestApp({
  RATE_LIMIT_AUTH_PER_IP: String(PER_IP),
  RATE_LIMIT_AUTH_PER_EMAIL: String(PER_EMAIL),
  RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
});

const routes = [
  {
    name: "login",
    path: "/login",
    body: (email: string) => ({ email, password: "not the right password" }),
  },
  {
    name: "register",
    path: "/register",
    body: (email: string) => ({
      email,
      password: "une longue phrase au bord du fleuve",
      first_name: "Julie",
      last_name: "Gagnon",
    }),
  },
  {
    name: "password reset request",
    path: "/password-reset/request",
    body: (email: string) => ({ email }),
  },
];

// Every test uses addresses of its own, so counters never leak between tests.
let network = 0;
const freshNetwork = () => {
  network += 1;
  let host = 0;
  return () => `10.${network}.0.${++host}`;
};

function expectRateLimited(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(429);
  expect(response.json().error.code).toBe("RATE_LIMITED");
  const retryAfter = Number(response.headers["retry-after"]);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
}

describe.each(routes)("rate limits on $name", ({ path, body }) => {
  const send = (email: string, remoteAddress: string) =>
    ctx.app.inject({
      method: "POST",
      url: `/api/v1/auth${path}`,
      payload: body(email),
      remoteAddress,
    });

  it("limits one IP address, whatever the emails, and not the others", async () => {
    const ip = freshNetwork();
    const attacker = ip();
    for (let i = 0; i < PER_IP; i += 1) {
      expect((await send(uniqueEmail("ip"), attacker)).statusCode).not.toBe(429);
    }
    expectRateLimited(await send(uniqueEmail("ip"), attacker));
    expect((await send(uniqueEmail("ip"), ip())).statusCode).not.toBe(429);
  });

  it("limits one email, whatever the IP addresses and the case it is typed in", async () => {
    const ip = freshNetwork();
    const target = uniqueEmail("target");
    for (let i = 0; i < PER_EMAIL; i += 1) {
      expect((await send(target, ip())).statusCode).not.toBe(429);
    }
    expectRateLimited(await send(`  ${target.toUpperCase()}`, ip()));
    expect((await send(uniqueEmail("other"), ip())).statusCode).not.toBe(429);
  });
});

it("counts each route apart: failed sign-ins do not block a password reset", async () => {
  const ip = freshNetwork();
  const target = uniqueEmail("victim");
  const login = (remoteAddress: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: target, password: "guess guess guess" },
      remoteAddress,
    });
  for (let i = 0; i < PER_EMAIL; i += 1) await login(ip());
  expectRateLimited(await login(ip()));
  const reset = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/auth/password-reset/request",
    payload: { email: target },
    remoteAddress: ip(),
  });
  expect(reset.statusCode).toBe(202);
});
