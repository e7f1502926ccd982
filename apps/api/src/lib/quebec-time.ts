import { sql } from "drizzle-orm";

// The product's clock: « today », overdue tasks and export timestamps are Québec's calendar,
// whatever time zone the server or the database session runs in.

export const QUEBEC_TIME_ZONE = "America/Montreal";

const dateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: QUEBEC_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: QUEBEC_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Today's calendar date in Québec, 'YYYY-MM-DD' (en-CA formats dates the ISO way). */
export function todayInQuebec(now: Date = new Date()): string {
  return dateFormat.format(now);
}

/** 'YYYY-MM-DD HH:MM' in Québec, the way a spreadsheet shows a timestamp. */
export function quebecDateTime(at: Date): string {
  return `${todayInQuebec(at)} ${timeFormat.format(at)}`;
}

/** A calendar date `days` after (or before) `date`, both 'YYYY-MM-DD', without any zone. */
export function addDays(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}

/** The same « today » computed by the database, for conditions inside SQL. */
export const todayInQuebecSql = sql`(now() at time zone ${sql.raw(`'${QUEBEC_TIME_ZONE}'`)})::date`;
