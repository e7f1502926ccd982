"use client";

import type { Tache } from "@portail/shared";
import { PRIORITES, type Priorite } from "@portail/shared/constants";
import { AlertTriangle, CalendarClock, CheckCircle2, Clock, ListTodo } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { SelectField } from "@/components/ui/SelectField";
import { formatCalendarDate } from "@/lib/format";
import { formatDay } from "../format";
import { countTaches, dueState } from "./due";
import { useTacheToggle } from "./useTacheToggle";

type StatutFilter = "actives" | "completees" | "toutes";

const PRIORITY_TONES: Record<Priorite, string> = {
  haute: "bg-red-50 text-red-800",
  moyenne: "bg-amber-50 text-amber-800",
  basse: "bg-gray-100 text-gray-700",
};

export function TachesBoard({ taches: initial, today }: { taches: Tache[]; today: string }) {
  const t = useTranslations("portalTasks");
  const locale = useLocale();
  const { taches, pending, onToggle } = useTacheToggle(initial);
  const [statut, setStatut] = useState<StatutFilter>("actives");
  const [priorite, setPriorite] = useState<Priorite | "toutes">("toutes");
  // A task toggled here stays in view (struck through) until the filters change, so it does not
  // vanish from under the pointer or take the keyboard focus with it.
  const [kept, setKept] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) => {
    setKept((set) => new Set(set).add(id));
    void onToggle(id);
  };
  const changeStatut = (value: StatutFilter) => {
    setKept(new Set());
    setStatut(value);
  };

  const counters = countTaches(taches, today);
  const visible = useMemo(
    () =>
      taches.filter(
        (tache) =>
          (kept.has(tache.id) ||
            statut === "toutes" ||
            tache.completee === (statut === "completees")) &&
          (priorite === "toutes" || tache.priorite === priorite),
      ),
    [taches, statut, priorite, kept],
  );

  const tiles = [
    { key: "total", value: counters.total, icon: ListTodo, tone: "bg-blue-50 text-blue-700" },
    { key: "actives", value: counters.actives, icon: Clock, tone: "bg-amber-50 text-amber-800" },
    {
      key: "completees",
      value: counters.completees,
      icon: CheckCircle2,
      tone: "bg-green-50 text-green-700",
    },
    {
      key: "enRetard",
      value: counters.enRetard,
      icon: AlertTriangle,
      tone: "bg-red-50 text-red-700",
    },
  ] as const;

  return (
    <div className="flex flex-col gap-6">
      <section aria-label={t("counters.label")}>
        <ul className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
          {tiles.map(({ key, value, icon: Icon, tone }) => (
            <li
              key={key}
              className="flex items-center gap-3 rounded-2xl border border-gray-200 bg-white p-4 shadow-sm"
            >
              <span
                className={cn("inline-flex size-10 items-center justify-center rounded-xl", tone)}
              >
                <Icon aria-hidden="true" className="size-5" />
              </span>
              <span className="flex flex-col">
                <span
                  className="text-2xl font-semibold text-gray-900"
                  data-testid={`counter-${key}`}
                >
                  {value}
                </span>
                <span className="text-sm text-gray-700">{t(`counters.${key}`)}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <div className="flex flex-col gap-4 rounded-2xl border border-gray-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end">
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium text-gray-800">{t("filters.statut")}</legend>
          <div className="inline-flex rounded-lg border border-gray-300 p-0.5">
            {(["actives", "completees", "toutes"] as const).map((value) => (
              <label
                key={value}
                className={cn(
                  "cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-600",
                  statut === value ? "bg-accent-600 text-white" : "text-gray-700 hover:bg-gray-100",
                )}
              >
                <input
                  type="radio"
                  name="statut"
                  value={value}
                  checked={statut === value}
                  onChange={() => changeStatut(value)}
                  className="sr-only"
                />
                {t(`filters.statutOptions.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          label={t("filters.priorite")}
          name="priorite"
          value={priorite}
          onChange={(event) => {
            setKept(new Set());
            setPriorite(event.target.value as Priorite | "toutes");
          }}
          options={[
            { value: "toutes", label: t("filters.allPriorities") },
            ...PRIORITES.map((value) => ({ value, label: t(`priorite.${value}`) })),
          ]}
          className="sm:w-56"
        />
      </div>

      <p className="text-sm text-gray-600" aria-live="polite">
        {t("shown", { count: visible.length })}
      </p>

      {visible.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-gray-300 bg-white px-6 py-12 text-center">
          <p className="text-base font-semibold text-gray-900">
            {taches.length === 0 ? t("empty.none") : t(`empty.${statut}`)}
          </p>
        </div>
      ) : (
        <ul className="flex flex-col gap-3">
          {visible.map((tache) => {
            const due = dueState(tache, today);
            const checkboxId = `tache-${tache.id}`;
            return (
              <li
                key={tache.id}
                className={cn(
                  "flex gap-4 rounded-2xl border bg-white p-4 shadow-sm sm:p-5",
                  due === "late" ? "border-red-200" : "border-gray-200",
                )}
              >
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={tache.completee}
                  disabled={pending.has(tache.id)}
                  onChange={() => toggle(tache.id)}
                  className="mt-0.5 size-5 shrink-0 cursor-pointer accent-accent-600"
                />
                <div className="flex min-w-0 flex-1 flex-col gap-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <label
                      htmlFor={checkboxId}
                      className={cn(
                        "cursor-pointer text-sm font-semibold",
                        tache.completee ? "text-gray-600 line-through" : "text-gray-900",
                      )}
                    >
                      {tache.titre}
                    </label>
                    <span
                      className={cn(
                        "rounded-full px-2 py-0.5 text-xs font-medium",
                        PRIORITY_TONES[tache.priorite],
                      )}
                    >
                      {t(`priorite.${tache.priorite}`)}
                    </span>
                    {due === "late" && (
                      <span className="inline-flex items-center gap-1 rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white">
                        <AlertTriangle aria-hidden="true" className="size-3" />
                        {t("badge.late")}
                      </span>
                    )}
                    {due === "soon" && (
                      <span className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                        <Clock aria-hidden="true" className="size-3" />
                        {t("badge.soon")}
                      </span>
                    )}
                  </div>
                  {tache.description && (
                    <p className="text-sm text-gray-700">{tache.description}</p>
                  )}
                  <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-600">
                    {tache.echeance && (
                      <span className="inline-flex items-center gap-1">
                        <CalendarClock aria-hidden="true" className="size-3.5" />
                        {t("dueOn", { date: formatCalendarDate(tache.echeance, locale) })}
                      </span>
                    )}
                    {tache.categorie && (
                      <span>{t("category", { categorie: tache.categorie })}</span>
                    )}
                    {tache.completee && tache.date_completion && (
                      <span className="text-green-800">
                        {t("completedOn", { date: formatDay(tache.date_completion, locale) })}
                      </span>
                    )}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
