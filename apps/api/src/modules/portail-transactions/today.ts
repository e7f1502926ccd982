/** The product's time zone: calendar dates (« today », overdue tasks) are Québec's. */
export const QUEBEC_TIME_ZONE = "America/Toronto";

const formatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: QUEBEC_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's calendar date in Québec, 'YYYY-MM-DD', whatever the server's own zone. */
export function todayInQuebec(now: Date = new Date()): string {
  return formatter.format(now);
}

/** A calendar date `days` after (or before) `date`, both 'YYYY-MM-DD', without any zone. */
export function addDays(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}
