import type { FieldError } from "@portail/shared";
import { dictionary } from "@zxcvbn-ts/language-common";

// NIST 800-63B: length (enforced by the shared schema), a blocklist of known-common
// passwords and context words; no composition rules.
const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
const CONTEXT_WORDS = ["immoassist", "portail", "password", "motdepasse"];
const SEPARATORS = /[\s\-_.@+']+/;
const squash = (text: string) => text.toLowerCase().replace(/[\s\-_.@+']/g, "");

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
  const squashed = squash(password);
  if (COMMON.has(lower) || COMMON.has(squashed)) {
    return { field, code: "common_password", message: "This password is too common" };
  }
  if (new Set(lower).size <= 2) {
    return { field, code: "repetitive_password", message: "This password is too repetitive" };
  }
  // Words are squashed like the password, so "Marie-Claude2024" matches "Marie-Claude" and
  // the whole email matches itself; each part of a compound name counts on its own too.
  const personal = [
    context.email,
    context.email?.split("@")[0],
    context.first_name,
    context.last_name,
  ]
    .flatMap((w) => (w ? [w, ...w.split(SEPARATORS)] : []))
    .concat(CONTEXT_WORDS)
    .map(squash)
    .filter((w) => w.length >= 4);
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
