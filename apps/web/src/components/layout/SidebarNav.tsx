"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Link, usePathname } from "@/i18n/navigation";
import { activeHref, courtierNavigation } from "@/lib/navigation";

/** The broker's menu, shared by the desktop sidebar and the phone drawer. */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const t = useTranslations("nav");
  // next-intl's usePathname has no locale prefix, so highlighting works the same in fr and en.
  const pathname = usePathname();
  const active = activeHref(
    pathname,
    courtierNavigation.flatMap((group) => group.items.map((item) => item.href)),
  );

  return (
    <nav aria-label={t("label")} className="flex flex-col gap-6">
      {courtierNavigation.map((group) => {
        const headingId = group.labelKey ? `nav-group-${group.labelKey}` : undefined;
        return (
          <div key={group.labelKey ?? "top"} className="flex flex-col gap-1">
            {group.labelKey && (
              <h2
                id={headingId}
                className="px-3 pb-1 text-xs font-semibold tracking-wide text-gray-600 uppercase"
              >
                {t(group.labelKey)}
              </h2>
            )}
            <ul aria-labelledby={headingId} className="flex flex-col gap-1">
              {group.items.map(({ href, labelKey, icon: Icon }) => {
                const current = href === active;
                return (
                  <li key={href}>
                    <Link
                      href={href}
                      onClick={onNavigate}
                      aria-current={current ? "page" : undefined}
                      className={cn(
                        "flex min-h-10 items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium",
                        current
                          ? "bg-accent-50 text-accent-700"
                          : "text-gray-700 hover:bg-gray-100 hover:text-gray-900",
                      )}
                    >
                      <Icon aria-hidden="true" className="size-5 shrink-0" />
                      {t(labelKey)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
