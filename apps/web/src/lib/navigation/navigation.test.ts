import { describe, expect, it } from "vitest";
import { activeHref, courtierNavigation } from "./index";

const hrefs = courtierNavigation.flatMap((group) => group.items.map((item) => item.href));

describe("activeHref", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/dashboard/portail-client/courtier/clients", "/dashboard/portail-client/courtier/clients"],
    ["/dashboard/portail-client/courtier/clients/42", "/dashboard/portail-client/courtier/clients"],
    [
      "/dashboard/portail-client/courtier/clients/inviter",
      "/dashboard/portail-client/courtier/clients/inviter",
    ],
    ["/dashboard/portail-client/courtier/clients/", "/dashboard/portail-client/courtier/clients"],
  ])("%s highlights %s", (pathname, expected) => {
    expect(activeHref(pathname, hrefs)).toBe(expected);
  });

  it("highlights nothing outside the menu", () => {
    expect(activeHref("/login", hrefs)).toBeUndefined();
    expect(activeHref("/dashboardx", hrefs)).toBeUndefined();
  });
});
