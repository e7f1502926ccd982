import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/portail-client/ErrorMessage";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";

export default function DashboardNotFound() {
  const t = useTranslations("notFound");
  return (
    <ErrorMessage
      className="mx-auto max-w-xl"
      headingLevel={1}
      title={t("title")}
      message={t("body")}
      action={
        <Link href="/" className={buttonClasses("primary")}>
          {t("home")}
        </Link>
      }
    />
  );
}
