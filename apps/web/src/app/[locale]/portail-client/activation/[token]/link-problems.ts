import { type CourtierContact, courtierContactSchema, type ErrorCode } from "@portail/shared";
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

/**
 * The broker to ask for a new link: a 410 EXPIRED carries them in `error.details.courtier`
 * (SPEC §4); undefined for any other error, or an API that does not send them.
 */
export function brokerToAsk(error: unknown): CourtierContact | undefined {
  if (!(error instanceof ApiError) || error.code !== "EXPIRED") return undefined;
  const parsed = courtierContactSchema.safeParse(error.details?.courtier);
  return parsed.success ? parsed.data : undefined;
}
