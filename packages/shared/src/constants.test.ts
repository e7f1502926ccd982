import { describe, expect, it } from "vitest";
import * as constants from "./constants.ts";
import * as shared from "./index.ts";

const originals = new Map(Object.entries(shared));

describe("@portail/shared/constants", () => {
  it.each(Object.entries(constants).filter(([name]) => name !== "isErrorCode"))(
    "%s equals the value beside the schemas",
    (name, value) => {
      expect(originals.has(name)).toBe(true);
      expect(value).toEqual(originals.get(name));
    },
  );

  it("knows every error code and no other", () => {
    expect(constants.isErrorCode("EXPIRED")).toBe(true);
    expect(constants.isErrorCode("toString")).toBe(false);
    expect(constants.isErrorCode(42)).toBe(false);
  });
});
