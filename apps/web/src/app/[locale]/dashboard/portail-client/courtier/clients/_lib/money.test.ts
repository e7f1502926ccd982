import { moneySchema } from "@portail/shared";
import { describe, expect, it } from "vitest";
import { parseMoneyInput } from "./money";

describe("parseMoneyInput", () => {
  it("reads amounts written the French or the English way", () => {
    expect(parseMoneyInput("450000")).toBe("450000.00");
    expect(parseMoneyInput("450 000,5")).toBe("450000.50");
    expect(parseMoneyInput("450\u202f000,00 $")).toBe("450000.00");
    expect(parseMoneyInput("0450000.25")).toBe("450000.25");
  });

  it("treats an empty field as no amount and refuses anything else", () => {
    expect(parseMoneyInput("  ")).toBeNull();
    expect(parseMoneyInput("450,000.00")).toBeUndefined();
    expect(parseMoneyInput("-5")).toBeUndefined();
    expect(parseMoneyInput("12.345")).toBeUndefined();
    expect(parseMoneyInput("beaucoup")).toBeUndefined();
  });

  it("accepts exactly the amounts the shared moneySchema accepts", () => {
    const samples = [
      "0",
      "450000",
      "450000.5",
      "9999999999.99",
      "12345678901",
      "1.234",
      ".5",
      "5.",
    ];
    for (const amount of samples) {
      expect(parseMoneyInput(amount) !== undefined, amount).toBe(
        moneySchema.safeParse(amount).success,
      );
    }
  });
});
