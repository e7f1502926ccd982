/** Lower-case without accents: « Côté » → « cote », so searches ignore both. */
export function normalizeForSearch(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

/** The `recherche` column of an invitation: what the broker's search box matches against. */
export function searchText(...parts: (string | null | undefined)[]): string {
  return normalizeForSearch(parts.filter(Boolean).join(" "));
}

/** Escapes LIKE wildcards so a search for « 100% » means the characters, not a pattern. */
export function likePattern(query: string): string {
  return `%${normalizeForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
