import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/portail-client/ErrorMessage";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";
import { PORTAIL_CLIENT_PATHS } from "@/lib/constants/portail-client";

export default function PortailClientNotFound() {
  const t = useTranslations("portal");
  return (
    <ErrorMessage
      className="mx-auto mt-8 max-w-xl"
      headingLevel={1}
      title={t("notFound.title")}
      message={t("notFound.body")}
      action={
        <Link href={PORTAIL_CLIENT_PATHS.dashboard} className={buttonClasses("primary")}>
          {t("forbidden.back")}
        </Link>
      }
    />
  );
}
