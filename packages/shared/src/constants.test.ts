import { describe, expect, it } from "vitest";
import * as constants from "./constants.ts";
import * as shared from "./index.ts";

const barrel = new Map(Object.entries(shared));

describe("@portail/shared/constants", () => {
  // The schema modules re-export these values: the barrel and the zod-free entry point hand out
  // the very same objects, so browser code and the API can never disagree on a list.
  it.each(Object.entries(constants).filter(([name]) => name !== "isErrorCode"))(
    "%s is the value the barrel exports",
    (name, value) => {
      expect(barrel.get(name)).toBe(value);
    },
  );

  it("knows every error code and no other", () => {
    expect(constants.isErrorCode("EXPIRED")).toBe(true);
    expect(constants.isErrorCode("toString")).toBe(false);
    expect(constants.isErrorCode(42)).toBe(false);
  });
});
