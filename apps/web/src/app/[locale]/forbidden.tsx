import { useTranslations } from "next-intl";
import { AccessDenied } from "@/components/portail-client/ErrorMessage";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";

/** « Accès refusé »: rendered when a page calls forbidden() (API 403, portal without access). */
export default function Forbidden() {
  const t = useTranslations("errorPage");
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl items-center p-6">
      <AccessDenied
        className="w-full"
        headingLevel={1}
        action={
          <Link href="/" className={buttonClasses("primary")}>
            {t("home")}
          </Link>
        }
      />
    </main>
  );
}
