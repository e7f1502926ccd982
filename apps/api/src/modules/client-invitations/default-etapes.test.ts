import { LOCALES, TYPES_PROJET } from "@portail/shared";
import { describe, expect, it } from "vitest";
import { defaultEtapes } from "./default-etapes.ts";

describe("defaultEtapes", () => {
  it.each(TYPES_PROJET.flatMap((type) => LOCALES.map((locale) => [type, locale] as const)))(
    "gives %s in %s as ordered steps, the first one under way",
    (type, locale) => {
      const etapes = defaultEtapes(type, locale);
      expect(etapes.length).toBeGreaterThanOrEqual(4);
      expect(etapes.map((e) => e.ordre)).toEqual(etapes.map((_, i) => i + 1));
      expect(etapes.map((e) => e.statut)).toEqual([
        "en_cours",
        ...etapes.slice(1).map(() => "a_planifier"),
      ]);
      for (const etape of etapes) {
        expect(etape.titre.trim()).not.toBe("");
        expect(etape.description.trim()).not.toBe("");
      }
    },
  );

  it("has as many steps in English as in French, in the same order", () => {
    for (const type of TYPES_PROJET) {
      expect(defaultEtapes(type, "en")).toHaveLength(defaultEtapes(type, "fr").length);
    }
    expect(defaultEtapes("achat", "fr").map((e) => e.titre)).toEqual([
      "Recherche de propriétés",
      "Promesse d’achat",
      "Inspection",
      "Financement",
      "Notaire",
    ]);
    expect(defaultEtapes("achat", "en")[1]?.titre).toBe("Promise to purchase");
  });

  it("hands out fresh objects, so a caller cannot change the defaults", () => {
    const first = defaultEtapes("vente", "fr");
    first[0]!.titre = "modifié";
    expect(defaultEtapes("vente", "fr")[0]?.titre).toBe("Évaluation et mise en marché");
  });
});
