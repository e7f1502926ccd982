import { describe, expect, it } from "vitest";
import { needsRefresh, serializeCookie } from "./cookies";

const token = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.signature`;
const now = Date.UTC(2026, 0, 15, 12, 0, 0);
const s = now / 1000;

describe("needsRefresh", () => {
  it("renews when there is no usable token", () => {
    expect(needsRefresh(undefined, now)).toBe(true);
    expect(needsRefresh("garbage", now)).toBe(true);
    expect(needsRefresh("a.!!!.c", now)).toBe(true);
    expect(needsRefresh(token({ sub: "1" }), now)).toBe(true);
  });

  it("keeps a token with more than a minute left", () => {
    expect(needsRefresh(token({ iat: s - 60, exp: s + 840 }), now)).toBe(false);
  });

  it("renews a token in its last minute, or expired", () => {
    expect(needsRefresh(token({ iat: s - 850, exp: s + 50 }), now)).toBe(true);
    expect(needsRefresh(token({ iat: s - 960, exp: s - 60 }), now)).toBe(true);
  });

  it("uses a quarter of the lifetime for short-lived tokens", () => {
    // 60-second tokens: renewed in their last 15 seconds, not on every request.
    expect(needsRefresh(token({ iat: s - 10, exp: s + 50 }), now)).toBe(false);
    expect(needsRefresh(token({ iat: s - 50, exp: s + 10 }), now)).toBe(true);
  });
});

describe("serializeCookie", () => {
  it("writes every attribute, and expires a cleared cookie", () => {
    expect(
      serializeCookie({
        name: "portail_rt",
        value: "a/b",
        maxAge: 60,
        httpOnly: true,
        secure: true,
        sameSite: "lax",
        path: "/",
      }),
    ).toBe("portail_rt=a%2Fb; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
    expect(
      serializeCookie({
        name: "portail_at",
        value: "",
        maxAge: 0,
        httpOnly: true,
        secure: false,
        sameSite: "lax",
        path: "/",
      }),
    ).toBe(
      "portail_at=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax",
    );
  });
});
