import { DOCUMENT_NOM_MAX_LENGTH } from "@portail/shared";

// Control and invisible formatting characters (bidi overrides can disguise "exe.pdf").
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Characters Windows refuses in a file name: a download must save under the same name.
const RESERVED = /[<>:"|?*]/g;
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

/** The lower-cased extension of a file name, without the dot ("" when there is none). */
export function extensionOf(name: string): string {
  return EXTENSION.exec(name)?.[1]?.toLowerCase() ?? "";
}

/**
 * The uploaded file name as we keep it: display metadata only (files are stored under random
 * keys). Keeps the last path segment, drops control and invisible characters, Windows-reserved
 * characters, leading dots and trailing dots or spaces; keeps accents (NFC); at most 200
 * characters, extension kept. A name left empty becomes "document".
 */
export function sanitizeFileName(raw: string | undefined, detectedExtension?: string): string {
  const withoutInvisible = (raw ?? "").normalize("NFC").replace(INVISIBLE, "");
  const lastSegment = withoutInvisible.split(/[\\/]/).pop() ?? "";
  let name = lastSegment
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!name) name = "document";
  if (detectedExtension && !extensionOf(name)) name = `${name}.${detectedExtension}`;
  return truncateKeepingExtension(name, DOCUMENT_NOM_MAX_LENGTH);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = Array.from(name); // code points: never cut a surrogate pair in two
  if (chars.length <= max) return name;
  const ext = EXTENSION.exec(name)?.[0] ?? "";
  return `${chars
    .slice(0, max - ext.length)
    .join("")
    .trimEnd()}${ext}`;
}

/** RFC 5987 value-chars: what encodeURIComponent leaves alone, minus ' ( ) *. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback (accents
 * dropped, anything else replaced) for old clients, the exact name for the others.
 */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const fallback = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
