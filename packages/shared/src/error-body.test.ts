import { describe, expect, it } from "vitest";
import { parseErrorBody } from "./error-body.ts";
import { errorBodySchema } from "./errors.ts";

const valid = { error: { code: "NOT_FOUND", message: "No such client", request_id: "req-1" } };

describe("parseErrorBody", () => {
  it.each([
    ["a plain error", valid],
    [
      "field errors",
      {
        error: {
          ...valid.error,
          code: "VALIDATION_ERROR",
          fields: [{ field: "email", code: "invalid_format", message: "Invalid email" }],
        },
      },
    ],
    ["an unknown key, dropped", { error: { ...valid.error, extra: 1 }, other: true }],
  ])("reads %s as errorBodySchema does", (_, body) => {
    const expected = errorBodySchema.parse(body).error;
    expect(parseErrorBody(body)).toEqual(expected);
  });

  it("keeps the details an error carries", () => {
    const details = { courtier: { first_name: "Marie", last_name: "Roy" } };
    expect(
      parseErrorBody({ error: { ...valid.error, code: "EXPIRED", details } })?.details,
    ).toEqual(details);
  });

  it.each([
    ["null", null],
    ["a string", "<html>Bad gateway</html>"],
    ["no error object", { message: "x" }],
    ["an unknown code", { error: { ...valid.error, code: "TEAPOT" } }],
    ["no request id", { error: { code: "NOT_FOUND", message: "x" } }],
    ["a bad field error", { error: { ...valid.error, fields: [{ field: "email" }] } }],
  ])("refuses %s, as errorBodySchema does", (_, body) => {
    expect(errorBodySchema.safeParse(body).success).toBe(false);
    expect(parseErrorBody(body)).toBeNull();
  });
});
