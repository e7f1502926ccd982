import type { InvitationFilterQuery } from "@portail/shared";
import {
  INVITATION_SORTS,
  STATUTS_INVITATION,
  type StatutInvitation,
  TYPES_PROJET,
  type TypeProjet,
} from "@portail/shared/constants";

// The clients list keeps its filters, sort and page in the URL, so a link, the back button and
// a page without JavaScript all show the same list. Bad values are dropped, never an error.

export const CLIENTS_PAGE_SIZE = 20;

export type SortField = (typeof INVITATION_SORTS)[number];
export type SortOrder = "asc" | "desc";

/** The API's default direction per field: newest and furthest along first, names A to Z. */
export const defaultOrder = (field: SortField): SortOrder =>
  field === "nom" || field === "statut" ? "asc" : "desc";

/** Sort values offered in the sort select and written in the URL, e.g. "nom-asc". */
export const SORT_OPTIONS = [
  "date_invitation-desc",
  "date_invitation-asc",
  "nom-asc",
  "nom-desc",
  "progression-desc",
  "progression-asc",
  "derniere_connexion-desc",
  "statut-asc",
] as const;
export type SortOption = (typeof SORT_OPTIONS)[number];

export const DEFAULT_SORT: SortOption = "date_invitation-desc";

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  (values as readonly unknown[]).includes(value) ? (value as T) : undefined;

const isSort = (value: string) =>
  /^[a-z_]+-(asc|desc)$/.test(value) &&
  (INVITATION_SORTS as readonly string[]).includes(value.split("-")[0]!);

export interface ListParams {
  q?: string;
  statut?: StatutInvitation;
  type_projet?: TypeProjet;
  sort?: string;
  page: number;
}

type RawSearchParams = Record<string, string | string[] | undefined>;

// Checked by hand rather than with zod: client components (the filters) import this module.
export function parseListParams(raw: RawSearchParams): ListParams {
  const first = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const q = first("q")?.trim();
  const sort = first("sort");
  const page = Number(first("page"));
  return {
    q: q && q.length <= 100 ? q : undefined,
    statut: oneOf(STATUTS_INVITATION, first("statut")),
    type_projet: oneOf(TYPES_PROJET, first("type_projet")),
    sort: sort && isSort(sort) ? sort : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export function sortOf(params: Pick<ListParams, "sort">): { field: SortField; order: SortOrder } {
  const [field, order] = (params.sort ?? DEFAULT_SORT).split("-") as [SortField, SortOrder];
  return { field, order };
}

export const hasFilters = (params: ListParams) =>
  Boolean(params.q || params.statut || params.type_projet);

/** The API query of one page of the list. */
export function apiListQuery(
  params: ListParams,
): InvitationFilterQuery & { skip: number; limit: number } {
  const { field, order } = sortOf(params);
  return {
    ...filterQuery(params),
    sort: field,
    order,
    skip: (params.page - 1) * CLIENTS_PAGE_SIZE,
    limit: CLIENTS_PAGE_SIZE,
  };
}

/** Filters and sort without paging: what « Exporter » downloads. */
export function filterQuery(params: ListParams): InvitationFilterQuery {
  const { field, order } = sortOf(params);
  return {
    ...(params.q ? { q: params.q } : {}),
    ...(params.statut ? { statut: params.statut } : {}),
    ...(params.type_projet ? { type_projet: params.type_projet } : {}),
    sort: field,
    order,
  };
}

export function toSearch(query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * The list's URL query after a change: any change of filter or sort goes back to page 1;
 * default values are left out so URLs stay short.
 */
export function listHref(params: ListParams, change: Partial<ListParams>): string {
  const next = { ...params, ...change };
  if (!("page" in change)) next.page = 1;
  return toSearch({
    q: next.q,
    statut: next.statut,
    type_projet: next.type_projet,
    sort: next.sort && next.sort !== DEFAULT_SORT ? next.sort : undefined,
    page: next.page > 1 ? next.page : undefined,
  });
}

/** Clicking a column header: the same column flips its direction, another starts at its default. */
export function sortToggle(params: ListParams, field: SortField): string {
  const current = sortOf(params);
  const order =
    current.field === field ? (current.order === "asc" ? "desc" : "asc") : defaultOrder(field);
  return `${field}-${order}`;
}
