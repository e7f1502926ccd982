import { useTranslations } from "next-intl";
import { AccessDenied } from "@/components/portail-client/ErrorMessage";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";
import { PORTAIL_CLIENT_PATHS } from "@/lib/constants/portail-client";

/** A module the broker closed, opened by its URL: « Accès refusé », inside the portal's frame. */
export default function PortailClientForbidden() {
  const t = useTranslations("portal");
  return (
    <AccessDenied
      className="mx-auto mt-8 max-w-xl"
      headingLevel={1}
      message={t("forbidden.body")}
      action={
        <Link href={PORTAIL_CLIENT_PATHS.dashboard} className={buttonClasses("primary")}>
          {t("forbidden.back")}
        </Link>
      }
    />
  );
}
