import type { ErrorCode } from "@portail/shared";
import { ApiError } from "@/lib/api/errors";

/** Why an activation link cannot be used; each has its own explanation and way out. */
export type ActivationLinkProblem = "unknown" | "used" | "expired";

const LINK_PROBLEMS: Partial<Record<ErrorCode, ActivationLinkProblem>> = {
  NOT_FOUND: "unknown",
  ALREADY_USED: "used",
  EXPIRED: "expired",
};

/** 404 unknown or withdrawn, 409 already used, 410 expired (SPEC §4); null for anything else. */
export function linkProblemOf(error: unknown): ActivationLinkProblem | null {
  return error instanceof ApiError ? (LINK_PROBLEMS[error.code] ?? null) : null;
}
