import { transactionDocumentDetailSchema } from "@portail/shared";
import { type NextRequest, NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { toProxyUrl } from "@/lib/api/forwarding";
import { apiJson } from "@/lib/api/server";
import { PORTAIL_CLIENT_PATHS } from "@/lib/constants/portail-client";
import { paths, withLocale } from "@/lib/paths";

type Context = { params: Promise<{ locale: string; id: string }> };

/**
 * « Voir » and « Télécharger »: a plain link (no pop-up blocker, works without JavaScript)
 * that asks the API for a fresh signed download URL and sends the browser there, behind the
 * same-origin door that adds the bearer token. `?disposition=inline` opens PDFs and images.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { locale, id } = await params;
  const disposition =
    request.nextUrl.searchParams.get("disposition") === "inline" ? "inline" : "attachment";
  const documentId = Number(id);
  const documentsPage = withLocale(locale, PORTAIL_CLIENT_PATHS.documents);

  if (!Number.isInteger(documentId) || documentId <= 0) {
    return redirectTo(request, `${documentsPage}?introuvable=1`);
  }
  try {
    const detail = await apiJson(
      `/portail/transaction-documents/${documentId}`,
      transactionDocumentDetailSchema,
    );
    return redirectTo(request, `${toProxyUrl(detail.download_url)}&disposition=${disposition}`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401) {
      const next = `${withLocale(locale, PORTAIL_CLIENT_PATHS.documents)}`;
      return redirectTo(
        request,
        `${withLocale(locale, paths.login)}?${new URLSearchParams({ next })}`,
      );
    }
    // 403 (documents closed) shows « Accès refusé » on the documents page itself; 404 (gone,
    // or another client's) says the document cannot be found.
    if (error.status === 403) return redirectTo(request, documentsPage);
    if (error.status === 404) return redirectTo(request, `${documentsPage}?introuvable=1`);
    throw error;
  }
}

function redirectTo(request: NextRequest, path: string) {
  const url = request.nextUrl.clone();
  const target = new URL(path, url.origin);
  url.pathname = target.pathname;
  url.search = target.search;
  // 303: the browser follows with a GET whatever the original method was.
  const response = NextResponse.redirect(url, 303);
  response.headers.set("cache-control", "no-store");
  return response;
}
