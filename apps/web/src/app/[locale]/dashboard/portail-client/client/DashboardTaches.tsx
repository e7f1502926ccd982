"use client";

import type { ClientDashboard } from "@portail/shared";
import { useLocale, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { formatCalendarDate } from "@/lib/format";
import { dueState } from "./taches/due";
import { useTacheToggle } from "./taches/useTacheToggle";

type DashboardTache = NonNullable<ClientDashboard["taches_ouvertes"]>[number] & {
  completee: boolean;
};

/** « Tâches à compléter »: real checkboxes that complete the task at once. */
export function DashboardTaches({
  taches,
  today,
}: {
  taches: NonNullable<ClientDashboard["taches_ouvertes"]>;
  today: string;
}) {
  const t = useTranslations("portalTasks");
  const locale = useLocale();
  const initial: DashboardTache[] = taches.map((tache) => ({ ...tache, completee: false }));
  const { taches: list, pending, onToggle } = useTacheToggle(initial);

  return (
    <ul className="flex flex-col divide-y divide-gray-100">
      {list.map((tache) => {
        const due = dueState(tache, today);
        const id = `dashboard-tache-${tache.id}`;
        return (
          <li key={tache.id} className="flex items-start gap-3 py-3 first:pt-0 last:pb-0">
            <input
              id={id}
              type="checkbox"
              checked={tache.completee}
              disabled={pending.has(tache.id)}
              onChange={() => onToggle(tache.id)}
              className="mt-0.5 size-5 shrink-0 cursor-pointer rounded border-gray-300 accent-accent-600"
            />
            <div className="flex min-w-0 flex-col gap-0.5">
              <label
                htmlFor={id}
                className={cn(
                  "cursor-pointer text-sm font-medium",
                  tache.completee ? "text-gray-600 line-through" : "text-gray-900",
                )}
              >
                {tache.titre}
              </label>
              <p className="flex flex-wrap items-center gap-x-2 text-xs text-gray-600">
                {tache.echeance && (
                  <span>
                    {t("dueOn", { date: formatCalendarDate(tache.echeance, locale, "medium") })}
                  </span>
                )}
                {due === "late" && (
                  <span className="font-semibold text-red-700">{t("badge.late")}</span>
                )}
                {due === "soon" && (
                  <span className="font-semibold text-amber-800">{t("badge.soon")}</span>
                )}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
