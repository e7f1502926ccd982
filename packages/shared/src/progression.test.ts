import { expect, it } from "vitest";
import { statutFromProgression } from "./progression.ts";

it("derives the statut of each band of SPEC.md §3, both edges", () => {
  const bands: [number, string][] = [
    [0, "recherche"],
    [19, "recherche"],
    [20, "offre"],
    [39, "offre"],
    [40, "inspection"],
    [59, "inspection"],
    [60, "financement"],
    [79, "financement"],
    [80, "notaire"],
    [99, "notaire"],
    [100, "complete"],
  ];
  for (const [progression, statut] of bands)
    expect(statutFromProgression(progression)).toBe(statut);
});
