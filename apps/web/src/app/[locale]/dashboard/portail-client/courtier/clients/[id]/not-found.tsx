import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/portail-client/ErrorMessage";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";
import { paths } from "@/lib/paths";

/** An unknown id, or another broker's client (the API answers 404 for both). */
export default function ClientNotFound() {
  const t = useTranslations("workspace.notFound");
  return (
    <ErrorMessage
      className="mx-auto max-w-xl"
      headingLevel={1}
      title={t("title")}
      message={t("body")}
      action={
        <Link href={paths.courtierClients} className={buttonClasses("primary")}>
          {t("back")}
        </Link>
      }
    />
  );
}
