import { describe, expect, it } from "vitest";
import { statutFromProgression } from "./enums.ts";

describe("statutFromProgression", () => {
  it.each([
    [0, "recherche"],
    [19, "recherche"],
    [20, "offre"],
    [39, "offre"],
    [40, "inspection"],
    [60, "financement"],
    [79, "financement"],
    [80, "notaire"],
    [99, "notaire"],
    [100, "complete"],
  ] as const)("maps %i to %s", (progression, statut) => {
    expect(statutFromProgression(progression)).toBe(statut);
  });
});
