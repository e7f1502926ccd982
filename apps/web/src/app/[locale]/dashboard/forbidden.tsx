import { useTranslations } from "next-intl";
import { AccessDenied } from "@/components/portail-client/ErrorMessage";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";

export default function DashboardForbidden() {
  const t = useTranslations("errorPage");
  return (
    <AccessDenied
      className="mx-auto max-w-xl"
      headingLevel={1}
      action={
        <Link href="/" className={buttonClasses("primary")}>
          {t("home")}
        </Link>
      }
    />
  );
}
