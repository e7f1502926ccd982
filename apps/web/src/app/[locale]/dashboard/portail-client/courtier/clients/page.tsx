import { type InvitationPage, invitationPageSchema } from "@portail/shared";
import { Download, RotateCcw, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ErrorMessage } from "@/components/portail-client/ErrorMessage";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/server";
import { handlePageApiError, requireCourtier } from "@/lib/auth-guards";
import { paths, withLocale } from "@/lib/paths";
import { proxyUrl } from "./_lib/browser-paths";
import {
  apiListQuery,
  filterQuery,
  type ListParams,
  listHref,
  parseListParams,
  toSearch,
} from "./_lib/list-query";
import { ClientsFilters } from "./ClientsFilters";
import { ClientsResults } from "./ClientsResults";
import { ClientsStats } from "./ClientsStats";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "clientsList" });
  return { title: t("title") };
}

/** « Liste des clients » (plan §3.3): stats, search and filters, the list, export. */
export default async function ClientsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  // Layouts are not re-rendered on client-side navigation; the page checks again.
  await requireCourtier();
  const t = await getTranslations({ locale, namespace: "clientsList" });
  const query = parseListParams(await searchParams);

  let page: InvitationPage | null = null;
  let failure: ApiError | null = null;
  try {
    page = await apiJson(
      `/client-invitations${toSearch(apiListQuery(query))}`,
      invitationPageSchema,
    );
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 401 || error.status === 403) {
      await handlePageApiError(error);
    }
    failure = error as ApiError;
  }

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold text-gray-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap gap-3">
          {page && page.stats.total > 0 && (
            // A plain link: the CSV comes back as an attachment, so the page stays.
            <a
              href={proxyUrl(`/client-invitations/export${toSearch(filterQuery(query))}`)}
              download
              className={buttonClasses("secondary")}
            >
              <Download aria-hidden="true" className="size-4" />
              {t("export")}
            </a>
          )}
          <Link href={paths.courtierInvite} className={buttonClasses("primary")}>
            <UserPlus aria-hidden="true" className="size-4" />
            {t("invite")}
          </Link>
        </div>
      </div>

      {failure || !page ? (
        <ErrorMessage
          code={failure?.code}
          title={t("error.title")}
          action={
            <Link
              href={`${paths.courtierClients}${listHref(query, { page: query.page })}`}
              className={buttonClasses("secondary")}
            >
              <RotateCcw aria-hidden="true" className="size-4" />
              {t("error.retry")}
            </Link>
          }
        />
      ) : (
        <ClientsBody page={page} query={query} action={withLocale(locale, paths.courtierClients)} />
      )}
    </div>
  );
}

function ClientsBody({
  page,
  query,
  action,
}: {
  page: InvitationPage;
  query: ListParams;
  action: string;
}) {
  return (
    <>
      <ClientsStats stats={page.stats} params={query} />
      {page.stats.total > 0 && (
        // Remounted when the URL changes, so the fields show the filters in effect.
        <ClientsFilters key={JSON.stringify(query)} action={action} params={query} />
      )}
      <ClientsResults page={page} params={query} />
    </>
  );
}
