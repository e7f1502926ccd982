import { expect, it } from "vitest";
import { statutFromProgression as original } from "./enums.ts";
import { statutFromProgression } from "./progression.ts";

it("derives the same statut as enums.ts from every progression", () => {
  for (let progression = 0; progression <= 100; progression++) {
    expect(statutFromProgression(progression)).toBe(original(progression));
  }
});
