import { intlLocale } from "@/i18n/routing";

// Dates, money and file sizes as people in Québec write them, in either language.

/** "450000.00" (the API's numeric strings) → "450 000,00 $" (fr) or "$450,000.00" (en). */
export function formatMoney(amount: string | number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "CAD" }).format(
    Number(amount),
  );
}

/**
 * A calendar date ("2026-03-15", no time) formatted as that same day everywhere: read and
 * printed in UTC, so no time zone can move it to the 14th.
 */
export function formatCalendarDate(
  date: string,
  locale: string,
  style: "long" | "medium" | "short" = "long",
): string {
  const [year, month, day] = date.slice(0, 10).split("-").map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** A moment (ISO timestamp) shown in Québec's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "America/Toronto",
  }).format(new Date(iso));
}

/** « 482 ko » / « 1,2 Mo » in French, « 482 kB » / « 1.2 MB » in English. */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit <= 1 ? 0 : 1,
  }).format(value);
}
