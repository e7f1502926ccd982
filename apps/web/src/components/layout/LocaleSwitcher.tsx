"use client";

import { Languages } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Suspense } from "react";
import { cn } from "@/components/ui/cn";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

/** Links to the same page in the other language, query included (filters, `next`, notices). */
export function LocaleSwitcher({ className }: { className?: string }) {
  return (
    <Suspense fallback={<Links className={className} query="" />}>
      <WithQuery className={className} />
    </Suspense>
  );
}

function WithQuery({ className }: { className?: string }) {
  return <Links className={className} query={useSearchParams().toString()} />;
}

function Links({ className, query }: { className?: string; query: string }) {
  const t = useTranslations("localeSwitcher");
  const current = useLocale();
  const pathname = usePathname();
  const href = query ? `${pathname}?${query}` : pathname;
  return (
    <nav aria-label={t("label")} className={cn("flex items-center gap-1 text-sm", className)}>
      <Languages aria-hidden="true" className="size-4 text-gray-600" />
      {routing.locales
        .filter((locale) => locale !== current)
        .map((locale) => (
          <Link
            key={locale}
            href={href}
            locale={locale}
            lang={locale}
            hrefLang={locale}
            className="rounded-md px-2 py-1 font-medium text-accent-700 underline-offset-2 hover:underline"
          >
            {t(`switchTo.${locale}`)}
          </Link>
        ))}
    </nav>
  );
}
