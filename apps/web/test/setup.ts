import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

afterEach(() => cleanup());

// An unexpected console.error (React warnings, missing messages) fails the test.
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  consoleError(...args);
  throw new Error(`console.error called: ${args.map(String).join(" ")}`);
};

// Client components import server actions; the tests pass their own and never call these.
vi.mock("@/lib/auth-actions", () => ({
  loginAction: vi.fn(),
  registerAction: vi.fn(),
  logoutAction: vi.fn(),
  requestPasswordResetAction: vi.fn(),
  confirmPasswordResetAction: vi.fn(),
}));
