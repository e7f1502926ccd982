import { afterEach, beforeEach, expect, vi } from "vitest";

// An unexpected console.error fails the test: errors must be handled, not printed.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(errors, "unexpected console.error").toEqual([]);
});
