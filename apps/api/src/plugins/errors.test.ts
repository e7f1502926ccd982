import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/context.ts";
import { createBroker } from "../../test/factories.ts";

const ctx = useTestApp();

function expectErrorBody(
  response: Awaited<ReturnType<typeof ctx.app.inject>>,
  status: number,
  code: string,
) {
  expect(response.statusCode, response.body).toBe(status);
  const { error } = response.json();
  expect(error.code).toBe(code);
  expect(error.request_id).toBe(response.headers["x-request-id"]);
  return error;
}

describe("path parameters and URLs the router refuses", () => {
  it("answers a path parameter over 100 characters with the error body naming it", async () => {
    const broker = await createBroker(ctx);
    const response = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/client-invitations/${"9".repeat(150)}`,
      headers: broker.auth,
    });
    const error = expectErrorBody(response, 400, "VALIDATION_ERROR");
    expect(new Set(error.fields.map((f: { field: string }) => f.field))).toEqual(new Set(["id"]));
  });

  it("answers a parameter past even the router's cap with the error body, not a bare 414", async () => {
    const response = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/client-invitations/by-token/${"a".repeat(17 * 1024)}`,
    });
    const error = expectErrorBody(response, 400, "BAD_REQUEST");
    expect(error.message).toBe("A path parameter is too long");
  });

  it("answers a malformed percent-encoding in a parameter with the error body", async () => {
    const response = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/client-invitations/by-token/%E0%A4%A",
    });
    const error = expectErrorBody(response, 400, "BAD_REQUEST");
    expect(error.message).toBe("Malformed URL");
  });
});

describe("ids past PostgreSQL's integer", () => {
  it.each([
    "/api/v1/client-invitations/2147483648",
    "/api/v1/portail/transaction-documents/2147483648",
    "/api/v1/portail/transaction-documents/transaction/2147483648",
    "/api/v1/portail/transaction-etapes/transaction/2147483648",
    "/api/v1/portail/transaction-messages/transaction/2147483648",
    "/api/v1/portail/transaction-taches/transaction/2147483648",
    "/api/v1/portail/transactions/2147483648",
  ])("GET %s answers 400, never a failed query", async (url) => {
    const broker = await createBroker(ctx);
    const response = await ctx.app.inject({ method: "GET", url, headers: broker.auth });
    expectErrorBody(response, 400, "VALIDATION_ERROR");
  });
});
