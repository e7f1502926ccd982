// Calendar dates and wall-clock times as a broker in Québec reads them, whatever the server's TZ.
const ZONE = "America/Montreal";

const dateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** 'YYYY-MM-DD' in Québec (en-CA formats dates the ISO way). */
export function quebecDate(at: Date = new Date()): string {
  return dateFormat.format(at);
}

/** 'YYYY-MM-DD HH:MM' in Québec, the way a spreadsheet shows a timestamp. */
export function quebecDateTime(at: Date): string {
  return `${quebecDate(at)} ${timeFormat.format(at)}`;
}
