type Level = "info" | "warn" | "error";

/**
 * One JSON line per event on the web server's stdout, with the request id it shared with the
 * API, so a request can be followed across both services' logs (Railway shows both).
 */
export function logEvent(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (process.env.NODE_ENV === "test") return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields });
  (level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
}
