import { intlLocale } from "@/i18n/routing";

/** The day of a moment (ISO timestamp) in Québec, e.g. « 23 nov. 2026 » / « Nov 23, 2026 ». */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeZone: "America/Toronto",
  }).format(new Date(iso));
}

/** "14:30:00" or "14:30" → "14 h 30" (fr) / "2:30 p.m." (en). */
export function formatTimeOfDay(time: string, locale: string): string {
  const [hours, minutes] = time.split(":").map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeStyle: "short",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2000, 0, 1, hours ?? 0, minutes ?? 0)));
}
