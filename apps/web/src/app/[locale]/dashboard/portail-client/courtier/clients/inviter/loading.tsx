import { useTranslations } from "next-intl";
import { LoadingSpinner } from "@/components/portail-client/LoadingSpinner";

/**
 * The invite page's own frame while it loads; without it the clients list's loading state (and
 * its « Liste des clients » title) showed under this URL.
 */
export default function InviteLoading() {
  const t = useTranslations("invite");
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      <div className="flex flex-col gap-3 rounded-2xl border border-gray-200 bg-white p-6">
        <LoadingSpinner fullPage />
      </div>
    </div>
  );
}
