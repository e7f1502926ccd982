import { afterEach, describe, expect, it, vi } from "vitest";
import { backoffSeconds } from "./outbox.ts";

describe("backoffSeconds", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // Math.random pinned to each end of its range gives the jitter's bounds (±20 %).
  const at = (random: number, attempts: number) => {
    vi.spyOn(Math, "random").mockReturnValue(random);
    return backoffSeconds(attempts);
  };

  it("doubles from 30 seconds", () => {
    expect([1, 2, 3, 4, 5].map((n) => at(0.5, n))).toEqual([30, 60, 120, 240, 480]);
  });

  it("jitters by at most 20 % either way, so replicas do not retry in step", () => {
    expect(at(0, 1)).toBe(24);
    expect(at(0.999_999, 1)).toBe(36);
    expect(at(0, 3)).toBe(96);
    expect(at(0.999_999, 3)).toBe(144);
  });

  it("never waits more than an hour, however many attempts failed", () => {
    for (const attempts of [8, 12, 50, 1000]) {
      expect(at(0.999_999, attempts)).toBe(3600);
      expect(at(0, attempts)).toBe(2880);
    }
  });

  it("treats a first attempt numbered 0 like 1", () => {
    expect(at(0.5, 0)).toBe(30);
  });
});
