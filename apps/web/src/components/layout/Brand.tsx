import { Building2 } from "lucide-react";
import { useTranslations } from "next-intl";

/** `compactOnPhone` keeps only the logo on narrow screens (the name stays for screen readers). */
export function Brand({ compactOnPhone = false }: { compactOnPhone?: boolean }) {
  const t = useTranslations("common");
  return (
    <span className="flex items-center gap-2 text-base font-semibold text-gray-900">
      <span className="inline-flex size-8 items-center justify-center rounded-lg bg-accent-600 text-white">
        <Building2 aria-hidden="true" className="size-5" />
      </span>
      <span className={compactOnPhone ? "max-sm:sr-only" : undefined}>{t("appName")}</span>
    </span>
  );
}
