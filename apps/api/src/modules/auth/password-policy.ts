import type { FieldError } from "@portail/shared";
import { dictionary } from "@zxcvbn-ts/language-common";

// NIST 800-63B: length (enforced by the shared schema), a blocklist of known-common
// passwords and context words; no composition rules.
const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
const CONTEXT_WORDS = ["immoassist", "portail", "password", "motdepasse"];

export interface PasswordContext {
  email?: string;
  first_name?: string;
  last_name?: string;
}

/** Returns the reason a password is refused, or null when it is acceptable. */
export function checkPasswordPolicy(
  password: string,
  context: PasswordContext = {},
  field = "password",
): FieldError | null {
  const lower = password.toLowerCase();
  const squashed = lower.replace(/[\s\-_.]/g, "");
  if (COMMON.has(lower) || COMMON.has(squashed)) {
    return { field, code: "common_password", message: "This password is too common" };
  }
  if (new Set(lower).size <= 2) {
    return { field, code: "repetitive_password", message: "This password is too repetitive" };
  }
  const personal = [
    context.email,
    context.email?.split("@")[0],
    context.first_name,
    context.last_name,
    ...CONTEXT_WORDS,
  ]
    .filter((w): w is string => !!w && w.length >= 4)
    .map((w) => w.toLowerCase());
  // A password that is only a personal or service word plus a few characters is guessable.
  if (personal.some((w) => squashed.includes(w) && squashed.length - w.length < 6)) {
    return {
      field,
      code: "contextual_password",
      message: "This password is too close to your name, email or this service",
    };
  }
  return null;
}
