import { z } from "zod";
import { AppError } from "../../lib/errors.ts";

/**
 * A message's position in its thread: (date_envoi, id), the thread's sort key. date_envoi keeps
 * PostgreSQL's microseconds (a JS Date would round them off and skip or repeat a message), so it
 * travels as the UTC text the database produced.
 */
export interface MessageCursor {
  date_envoi: string;
  id: number;
}

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** Well-formed and a real instant (no 2026-02-30), so the database cast cannot fail. */
const isRealInstant = (value: string) => {
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === value.slice(0, 19);
};
const decoded = z.tuple([
  z.string().regex(ISO_MICROS).refine(isRealInstant),
  z.number().int().positive().max(2_147_483_647),
]);

export function encodeCursor(cursor: MessageCursor): string {
  return Buffer.from(JSON.stringify([cursor.date_envoi, cursor.id])).toString("base64url");
}

/** Opaque to clients; a tampered or truncated cursor is their input error, so a 400. */
export function decodeCursor(value: string, field: string): MessageCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const result = decoded.safeParse(parsed);
  if (!result.success) {
    throw new AppError("VALIDATION_ERROR", "Invalid cursor", {
      fields: [{ field, code: "invalid_cursor", message: "Invalid cursor" }],
    });
  }
  const [date_envoi, id] = result.data;
  return { date_envoi, id };
}
