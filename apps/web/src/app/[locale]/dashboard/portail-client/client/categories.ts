import { SUGGESTED_DOCUMENT_CATEGORIES } from "@portail/shared/constants";

const SUGGESTED = new Set<string>(SUGGESTED_DOCUMENT_CATEGORIES);

/** The suggested categories are translated (`portal.categories.*`); a broker's own is shown as written. */
export function categoryLabel(categorie: string, t: (key: string) => string): string {
  return SUGGESTED.has(categorie) ? t(`categories.${categorie}`) : categorie;
}
