import { describe, expect, it } from "vitest";
import { formatDay, formatTimeOfDay } from "./dates";

describe("dates", () => {
  it("shows the Québec day of a moment", () => {
    // 02:30 UTC on November 25 is still November 24 in Montréal.
    expect(formatDay("2026-11-25T02:30:00Z", "fr")).toBe("24 nov. 2026");
    expect(formatDay("2026-11-25T02:30:00Z", "en")).toBe("Nov 24, 2026");
  });

  it("writes a time of day the local way", () => {
    expect(formatTimeOfDay("14:30:00", "fr")).toBe("14 h 30");
    expect(formatTimeOfDay("09:05", "en").replace(/\u202f/g, " ")).toBe("9:05 a.m.");
  });
});
