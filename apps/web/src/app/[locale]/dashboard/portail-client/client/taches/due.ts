import { ECHEANCE_PROCHE_DAYS, QUEBEC_TIME_ZONE } from "@/lib/constants/portail-client";

// Due dates are calendar dates ('YYYY-MM-DD'): compared as strings against today's date in
// Québec, never turned into moments, so no time zone can move a task a day early or late.

/** Today's calendar date in Québec, 'YYYY-MM-DD'. */
export function todayInQuebec(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: QUEBEC_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** A calendar date moved by whole days (UTC arithmetic on a date without time). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  const moved = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days));
  return moved.toISOString().slice(0, 10);
}

export type DueState = "late" | "soon" | null;

/**
 * « En retard »: open and due before today. « Échéance proche »: open and due from today
 * through the next ECHEANCE_PROCHE_DAYS days. Completed tasks and tasks without a date: neither.
 */
export function dueState(
  tache: { echeance: string | null; completee: boolean },
  today: string,
): DueState {
  if (tache.completee || !tache.echeance) return null;
  const echeance = tache.echeance.slice(0, 10);
  if (echeance < today) return "late";
  if (echeance <= addDays(today, ECHEANCE_PROCHE_DAYS)) return "soon";
  return null;
}

export interface TacheCounters {
  total: number;
  actives: number;
  completees: number;
  enRetard: number;
}

/** The four counters of the tâches page, from the list as the client sees it right now. */
export function countTaches(
  taches: ReadonlyArray<{ echeance: string | null; completee: boolean }>,
  today: string,
): TacheCounters {
  let completees = 0;
  let enRetard = 0;
  for (const tache of taches) {
    if (tache.completee) completees += 1;
    else if (dueState(tache, today) === "late") enRetard += 1;
  }
  return { total: taches.length, actives: taches.length - completees, completees, enRetard };
}
