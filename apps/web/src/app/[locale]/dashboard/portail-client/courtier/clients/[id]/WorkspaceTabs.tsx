import { CalendarCheck, FileText, ListChecks, type LucideIcon, MessageSquare } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Link } from "@/i18n/navigation";
import type { WorkspaceTab } from "./workspace-data";

const ICONS: Record<WorkspaceTab, LucideIcon> = {
  etapes: CalendarCheck,
  documents: FileText,
  taches: ListChecks,
  messages: MessageSquare,
};

/**
 * The four sections of the file as links (?onglet=…): each is its own URL, works without
 * JavaScript and survives a reload. Opening « Messages » is what marks the client's messages read.
 */
export function WorkspaceTabs({
  base,
  transactionId,
  active,
  counts,
}: {
  base: string;
  transactionId?: number;
  active: WorkspaceTab;
  counts: Record<WorkspaceTab, number | null>;
}) {
  const t = useTranslations("workspace");
  const tabs: WorkspaceTab[] = ["etapes", "documents", "taches", "messages"];
  return (
    <nav aria-label={t("sectionsLabel")} className="-mx-1 overflow-x-auto px-1">
      <ul className="flex min-w-max gap-1 rounded-2xl border border-gray-200 bg-white p-1.5 shadow-sm">
        {tabs.map((tab) => {
          const Icon = ICONS[tab];
          const current = tab === active;
          const count = counts[tab];
          const unread = tab === "messages" && count !== null && count > 0;
          const search = new URLSearchParams({
            ...(transactionId ? { transaction: String(transactionId) } : {}),
            onglet: tab,
          });
          return (
            <li key={tab} className="flex-1">
              <Link
                href={`${base}?${search}`}
                scroll={false}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex min-h-10 items-center justify-center gap-2 rounded-xl px-4 py-2 text-sm font-medium whitespace-nowrap",
                  current ? "bg-accent-600 text-white" : "text-gray-700 hover:bg-gray-100",
                )}
              >
                <Icon aria-hidden="true" className="size-4" />
                {t(`tabs.${tab}`)}
                {count !== null && tab !== "messages" && (
                  <span
                    className={cn(
                      "rounded-full px-2 text-xs tabular-nums",
                      current ? "bg-white/20 text-white" : "bg-gray-100 text-gray-700",
                    )}
                  >
                    {count}
                  </span>
                )}
                {unread && (
                  <span
                    className={cn(
                      "rounded-full px-2 text-xs font-semibold tabular-nums",
                      current ? "bg-white text-accent-800" : "bg-accent-600 text-white",
                    )}
                  >
                    <span aria-hidden="true">{count}</span>
                    <span className="sr-only">{t("tabs.unread", { count })}</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
