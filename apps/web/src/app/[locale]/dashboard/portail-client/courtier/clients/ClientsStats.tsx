import type { InvitationStats, StatutInvitation } from "@portail/shared";
import { type LucideIcon, MailCheck, UserCheck, Users, UserX } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Link } from "@/i18n/navigation";
import { paths } from "@/lib/paths";
import { type ListParams, listHref } from "./_lib/list-query";

const CARDS: Array<{
  key: keyof InvitationStats;
  statut?: StatutInvitation;
  icon: LucideIcon;
  tone: string;
}> = [
  { key: "total", icon: Users, tone: "bg-accent-50 text-accent-700" },
  { key: "invites", statut: "invite", icon: MailCheck, tone: "bg-amber-50 text-amber-800" },
  { key: "actifs", statut: "actif", icon: UserCheck, tone: "bg-green-50 text-green-700" },
  { key: "inactifs", statut: "inactif", icon: UserX, tone: "bg-gray-100 text-gray-700" },
];

/**
 * The four counts of the broker's clients (whatever the filters). Each card is also a shortcut
 * to the list filtered on that statut.
 */
export function ClientsStats({ stats, params }: { stats: InvitationStats; params: ListParams }) {
  const t = useTranslations("clientsList.stats");
  return (
    <ul aria-label={t("label")} className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      {CARDS.map(({ key, statut, icon: Icon, tone }) => {
        const current = params.statut === statut;
        return (
          <li key={key}>
            <Link
              href={`${paths.courtierClients}${listHref(params, { statut })}`}
              aria-current={current ? "true" : undefined}
              className={cn(
                "flex h-full items-center gap-4 rounded-2xl border bg-white p-4 shadow-sm transition-colors hover:border-accent-600 sm:p-5",
                current ? "border-accent-600 ring-1 ring-accent-600" : "border-gray-200",
              )}
            >
              <span
                className={cn(
                  "hidden size-11 shrink-0 items-center justify-center rounded-xl sm:inline-flex",
                  tone,
                )}
              >
                <Icon aria-hidden="true" className="size-5" />
              </span>
              <span className="flex flex-col">
                <span className="text-2xl font-semibold text-gray-900 tabular-nums">
                  {stats[key]}
                </span>
                <span className="text-sm text-gray-700">{t(key)}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
