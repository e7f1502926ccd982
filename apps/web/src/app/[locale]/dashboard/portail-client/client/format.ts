import { intlLocale } from "@/i18n/routing";
import { QUEBEC_TIME_ZONE } from "@/lib/constants/portail-client";

// Formatting specific to the client's pages; money and calendar dates are in src/lib/format.ts.

/** A time of day 'HH:MM' as written in each language: « 10 h 00 » or « 10:00 a.m. ». */
export function formatTimeOfDay(time: string, locale: string): string {
  const [hours, minutes] = time.split(":").map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2000, 0, 1, hours ?? 0, minutes ?? 0)));
}

/** The time of a moment in Québec. */
export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: "numeric",
    minute: "2-digit",
    timeZone: QUEBEC_TIME_ZONE,
  }).format(new Date(iso));
}

/** The date of a moment in Québec (« 24 nov. 2026 »). */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeZone: QUEBEC_TIME_ZONE,
  }).format(new Date(iso));
}

/** The short month of a calendar date (« nov. », « Nov »), read in UTC so it never shifts. */
export function formatMonthShort(date: string, locale: string): string {
  const [year, month, day] = date.slice(0, 10).split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, day ?? 1)),
  );
}
