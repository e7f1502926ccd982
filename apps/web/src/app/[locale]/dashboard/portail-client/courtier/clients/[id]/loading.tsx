import { useTranslations } from "next-intl";
import { LoadingSpinner } from "@/components/portail-client/LoadingSpinner";

/** The file's frame while it loads: two columns of empty cards and a spinner. */
export default function WorkspaceLoading() {
  const t = useTranslations("workspace");
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6" aria-busy="true">
      <div className="flex flex-col gap-2">
        <p className="text-sm text-gray-600">{t("intro")}</p>
        <div className="h-8 w-64 animate-pulse rounded-lg bg-gray-200" />
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          <div className="h-72 animate-pulse rounded-2xl border border-gray-200 bg-white" />
          <div className="h-80 animate-pulse rounded-2xl border border-gray-200 bg-white" />
        </div>
        <div className="flex flex-col gap-6 rounded-2xl border border-gray-200 bg-white p-6">
          <LoadingSpinner fullPage />
        </div>
      </div>
    </div>
  );
}
