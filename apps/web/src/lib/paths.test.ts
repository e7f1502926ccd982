import { describe, expect, it } from "vitest";
import { landingPath, roleHomePath, safeNextPath } from "./paths";

describe("safeNextPath", () => {
  it("keeps a localized path of this site with its query", () => {
    expect(safeNextPath("/fr/dashboard/portail-client/courtier/clients?statut=actif")).toBe(
      "/fr/dashboard/portail-client/courtier/clients?statut=actif",
    );
    expect(safeNextPath("/en/dashboard")).toBe("/en/dashboard");
  });

  it.each([
    null,
    "",
    "dashboard",
    "//evil.example/fr/dashboard",
    "/\\evil.example",
    "https://evil.example/fr/dashboard",
    "/de/dashboard",
    "/fr/login",
    "/en/reset-password/abc",
  ])("refuses %s", (next) => {
    expect(safeNextPath(next)).toBeNull();
  });
});

describe("homes", () => {
  it("sends each role to its own pages", () => {
    expect(roleHomePath({ role: "courtier" })).toBe("/dashboard/portail-client/courtier/clients");
    expect(roleHomePath({ role: "client" })).toBe("/dashboard/portail-client/client");
    expect(landingPath({ role: "courtier" })).toBe("/dashboard");
    expect(landingPath({ role: "admin" })).toBe("/dashboard");
  });
});
