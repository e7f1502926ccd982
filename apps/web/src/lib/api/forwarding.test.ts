import { describe, expect, it } from "vitest";
import { apiPathFromSegments, isSameOriginRequest, toProxyUrl } from "./forwarding";

describe("apiPathFromSegments", () => {
  it("rebuilds an API path", () => {
    expect(apiPathFromSegments(["client-invitations", "12"])).toBe("/client-invitations/12");
    expect(apiPathFromSegments(["portail", "transaction-documents"])).toBe(
      "/portail/transaction-documents",
    );
  });

  it.each([
    [[]],
    [[".."]],
    [["portail", "..", "auth", "login"]],
    [["a\\b"]],
    [["auth", "login"]],
    [["auth", "refresh"]],
    [["auth"]],
    [["client-invitations", "activate", "tok"]],
  ])("refuses %j (escapes /api/v1 or returns tokens)", (segments) => {
    expect(apiPathFromSegments(segments)).toBeNull();
  });
});

const headers = (init: Record<string, string>) => new Headers({ host: "portail.example", ...init });

describe("isSameOriginRequest", () => {
  it("accepts the site's own fetches", () => {
    expect(
      isSameOriginRequest(
        "POST",
        headers({ origin: "https://portail.example", "sec-fetch-site": "same-origin" }),
      ),
    ).toBe(true);
    expect(isSameOriginRequest("GET", headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("accepts a download opened directly (typed URL, new tab)", () => {
    expect(isSameOriginRequest("GET", headers({ "sec-fetch-site": "none" }))).toBe(true);
  });

  it.each([
    ["POST", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["POST", { origin: "https://evil.example" }],
    ["GET", { "sec-fetch-site": "cross-site" }],
    ["GET", { "sec-fetch-site": "same-site" }],
    ["POST", { "sec-fetch-site": "none" }],
    ["DELETE", {}],
    ["PUT", { origin: "null" }],
  ])("refuses %s with %j", (method, init) => {
    expect(isSameOriginRequest(method, headers(init))).toBe(false);
  });
});

describe("toProxyUrl", () => {
  it("maps an API path to the same-origin door", () => {
    expect(toProxyUrl("/api/v1/portail/transaction-documents/7/download?token=abc")).toBe(
      "/api/proxy/portail/transaction-documents/7/download?token=abc",
    );
  });
});
