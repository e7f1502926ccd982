import { ERROR_CODES } from "@portail/shared";
import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import fr from "../messages/fr.json";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? keys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe("messages", () => {
  it("has the same keys in French and English", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it("translates every API error code in both languages", () => {
    for (const code of ERROR_CODES) {
      expect(fr.errors, code).toHaveProperty(code);
      expect(en.errors, code).toHaveProperty(code);
    }
  });

  it("has no empty message", () => {
    const values = (tree: object): unknown[] =>
      Object.values(tree).flatMap((v) => (typeof v === "object" && v ? values(v) : [v]));
    for (const value of [...values(fr), ...values(en)]) expect(value).not.toBe("");
  });
});
