import { useTranslations } from "next-intl";
import { LoadingSpinner } from "@/components/portail-client/LoadingSpinner";

/** Shown while the list loads: the page's frame, so nothing jumps when it arrives. */
export default function ClientsLoading() {
  const t = useTranslations("clientsList");
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {[0, 1, 2, 3].map((key) => (
          <div
            key={key}
            className="h-20 animate-pulse rounded-2xl border border-gray-200 bg-white"
          />
        ))}
      </div>
      <div className="h-24 animate-pulse rounded-2xl border border-gray-200 bg-white" />
      <div className="flex flex-col gap-3 rounded-2xl border border-gray-200 bg-white p-6">
        <LoadingSpinner label={t("loading")} fullPage />
      </div>
    </div>
  );
}
