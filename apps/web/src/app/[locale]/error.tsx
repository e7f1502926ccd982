"use client";

import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/portail-client/ErrorMessage";
import { buttonClasses } from "@/components/ui/Button";
import { Link } from "@/i18n/navigation";

/** Last resort for a page that failed (often: the API is unreachable). */
export default function LocaleError({
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  const t = useTranslations("errorPage");
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl items-center p-6">
      <ErrorMessage
        className="w-full"
        headingLevel={1}
        onRetry={retry}
        action={
          <Link href="/" className={buttonClasses("secondary")}>
            {t("home")}
          </Link>
        }
      />
    </main>
  );
}
