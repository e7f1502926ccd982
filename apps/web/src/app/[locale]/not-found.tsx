import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/portail-client/ErrorMessage";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl items-center p-6">
      <ErrorMessage
        className="w-full"
        headingLevel={1}
        title={t("title")}
        message={t("body")}
        action={
          <Link href="/" className={buttonClasses("primary")}>
            {t("home")}
          </Link>
        }
      />
    </main>
  );
}
