import "server-only";
import { type AccessFlagsBody, type ClientDashboard, clientDashboardSchema } from "@portail/shared";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/server";
import { handlePageApiError } from "@/lib/auth-guards";

// Data of the client's portal, read by the layout and the pages with the server API client.

type SearchParams = Record<string, string | string[] | undefined>;

/** The transaction asked for with ?transaction_id= (the transaction switcher), if any. */
export function selectedTransactionId(query: SearchParams): number | undefined {
  const raw = query.transaction_id;
  const id = typeof raw === "string" ? Number(raw) : Number.NaN;
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/**
 * GET /portail/transactions/client: the selected transaction and everything around it,
 * with the access flags. Asked once per request and transaction (layout and page share it).
 */
export const getClientDashboard = cache(
  async (transactionId?: number): Promise<ClientDashboard> => {
    const query = transactionId ? `?transaction_id=${transactionId}` : "";
    try {
      return await apiJson(`/portail/transactions/client${query}`, clientDashboardSchema);
    } catch (error) {
      // Another client's transaction, or one that does not exist: the same « introuvable ».
      if (error instanceof ApiError && error.status === 404) notFound();
      return handlePageApiError(error);
    }
  },
);

/**
 * For a module page: the dashboard data, after checking the module's access flag. A client
 * who opens a closed module by its URL gets « Accès refusé ».
 */
export async function requireModule(
  flag: keyof AccessFlagsBody,
  transactionId?: number,
): Promise<ClientDashboard> {
  const dashboard = await getClientDashboard(transactionId);
  if (!dashboard.acces[flag]) forbidden();
  return dashboard;
}

/** Any other API call of a page: 401 → login, 403 → « Accès refusé », 404 → not found. */
export async function loadOrFail<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    return handlePageApiError(error);
  }
}
