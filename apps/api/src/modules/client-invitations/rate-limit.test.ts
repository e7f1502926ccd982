import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";

const PER_IP = 3;
const ctx = useTestApp({
  RATE_LIMIT_AUTH_PER_IP: String(PER_IP),
  RATE_LIMIT_WINDOW_SECONDS: "600",
});

// Guessing invitation tokens is as limited as guessing passwords.
describe.each([
  { name: "by-token", method: "GET" as const, path: "/by-token/devine", payload: undefined },
  {
    name: "activate",
    method: "POST" as const,
    path: "/activate/devine",
    payload: { password: "une longue phrase au bord du fleuve" },
  },
])("rate limit on $name", ({ method, path, payload, name }) => {
  it("answers 429 to one IP address after the limit, and keeps serving the others", async () => {
    const send = (remoteAddress: string) =>
      ctx.app.inject({
        method,
        url: `/api/v1/client-invitations${path}`,
        payload,
        remoteAddress,
      });
    const attacker = name === "by-token" ? "10.9.0.1" : "10.9.0.2";
    for (let i = 0; i < PER_IP; i += 1) {
      expect((await send(attacker)).statusCode).toBe(404);
    }
    const limited = await send(attacker);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await send("10.9.1.1")).statusCode).toBe(404);
  });
});
