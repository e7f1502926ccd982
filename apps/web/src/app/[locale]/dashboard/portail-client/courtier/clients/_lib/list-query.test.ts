import { describe, expect, it } from "vitest";
import {
  apiListQuery,
  CLIENTS_PAGE_SIZE,
  filterQuery,
  listHref,
  parseListParams,
  sortToggle,
} from "./list-query";

describe("parseListParams", () => {
  it("keeps valid filters and drops anything else", () => {
    expect(
      parseListParams({ q: " côté ", statut: "actif", type_projet: "vente", page: "3" }),
    ).toEqual({ q: "côté", statut: "actif", type_projet: "vente", page: 3 });
    expect(
      parseListParams({ q: "", statut: "perdu", type_projet: ["achat", "vente"], page: "-2" }),
    ).toEqual({ type_projet: "achat", page: 1 });
    expect(parseListParams({ sort: "mot_de_passe-asc" }).sort).toBeUndefined();
    expect(parseListParams({ sort: "nom-desc" }).sort).toBe("nom-desc");
  });
});

describe("apiListQuery", () => {
  it("turns the page into skip and limit, with the default sort", () => {
    expect(apiListQuery(parseListParams({ page: "2", statut: "invite" }))).toEqual({
      statut: "invite",
      sort: "date_invitation",
      order: "desc",
      skip: CLIENTS_PAGE_SIZE,
      limit: CLIENTS_PAGE_SIZE,
    });
  });

  it("exports the same filters and sort without paging", () => {
    expect(filterQuery(parseListParams({ q: "roy", sort: "nom-asc", page: "4" }))).toEqual({
      q: "roy",
      sort: "nom",
      order: "asc",
    });
  });
});

describe("listHref", () => {
  const params = parseListParams({ q: "roy", statut: "actif", page: "3", sort: "nom-asc" });

  it("goes back to page 1 when a filter changes", () => {
    expect(listHref(params, { statut: "invite" })).toBe("?q=roy&statut=invite&sort=nom-asc");
  });

  it("keeps filters when paging and leaves defaults out", () => {
    expect(listHref(params, { page: 4 })).toBe("?q=roy&statut=actif&sort=nom-asc&page=4");
    expect(listHref(parseListParams({}), { page: 1 })).toBe("");
    expect(listHref(params, { q: undefined, statut: undefined, sort: undefined })).toBe("");
  });
});

describe("sortToggle", () => {
  it("flips the current column and starts another at its natural direction", () => {
    const byName = parseListParams({ sort: "nom-asc" });
    expect(sortToggle(byName, "nom")).toBe("nom-desc");
    expect(sortToggle(byName, "progression")).toBe("progression-desc");
    expect(sortToggle(parseListParams({}), "statut")).toBe("statut-asc");
  });
});
