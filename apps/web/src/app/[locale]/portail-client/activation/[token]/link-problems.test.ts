import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { brokerToAsk, linkProblemOf } from "./link-problems";

const courtier = {
  first_name: "Marie",
  last_name: "Dubois",
  email: "marie.dubois@example.com",
  telephone: null,
};
const expired = (details?: Record<string, unknown>) =>
  new ApiError(410, "EXPIRED", "Invitation expired", [], "req-1", details);

describe("activation link problems", () => {
  it("names the problem of each answer", () => {
    expect(linkProblemOf(expired())).toBe("expired");
    expect(linkProblemOf(new ApiError(409, "ALREADY_USED", "x"))).toBe("used");
    expect(linkProblemOf(new ApiError(404, "NOT_FOUND", "x"))).toBe("unknown");
    expect(linkProblemOf(new ApiError(500, "INTERNAL_ERROR", "x"))).toBeNull();
  });

  it("reads the broker to ask from an expired link's details only", () => {
    expect(brokerToAsk(expired({ courtier }))).toEqual(courtier);
    expect(brokerToAsk(expired())).toBeUndefined();
    expect(brokerToAsk(expired({ courtier: { first_name: "Marie" } }))).toBeUndefined();
    expect(brokerToAsk(new ApiError(404, "NOT_FOUND", "x", [], "r", { courtier }))).toBeUndefined();
    expect(brokerToAsk(new Error("boom"))).toBeUndefined();
  });
});
