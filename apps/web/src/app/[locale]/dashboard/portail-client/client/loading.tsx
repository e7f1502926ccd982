import { useTranslations } from "next-intl";
import { LoadingSpinner } from "@/components/portail-client/LoadingSpinner";

export default function PortailClientLoading() {
  const t = useTranslations("portal");
  return <LoadingSpinner fullPage label={t("loading")} />;
}
