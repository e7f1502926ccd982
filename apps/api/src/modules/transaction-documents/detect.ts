import type { TypeDocument } from "@portail/shared";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../../lib/errors.ts";

/** Bytes read before deciding on the type (Office files need their first zip entries). */
export const SNIFF_BYTES = 64 * 1024;

export interface DetectedType {
  mime: string;
  type: TypeDocument;
  /** Usual extension, appended to a name that has none. */
  ext: string;
  /** Text has no magic number: the whole content must then be valid UTF-8 without NUL. */
  text: boolean;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The allowlist, keyed by the MIME type file-type reports.
const BY_MIME: Record<string, TypeDocument> = {
  "application/pdf": "pdf",
  "image/jpeg": "image",
  "image/png": "image",
  "image/webp": "image",
  "image/heic": "image",
  "image/heif": "image",
  [DOCX]: "word",
  [XLSX]: "excel",
};

// Legacy Word and Excel files are both OLE compound files (CFB): the extension tells which.
const CFB_BY_EXTENSION: Record<string, { mime: string; type: TypeDocument }> = {
  doc: { mime: "application/msword", type: "word" },
  xls: { mime: "application/vnd.ms-excel", type: "excel" },
};

const TEXT_BY_EXTENSION: Record<string, string> = { txt: "text/plain", csv: "text/csv" };

export const unsupportedType = (what?: string) =>
  new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Unsupported file type${what ? ` (${what})` : ""}: send a PDF, an image (JPEG, PNG, WebP, ` +
      "HEIC), a Word or Excel document, or a UTF-8 text or CSV file",
  );

/**
 * The document's type from its first bytes (`head`), never from the client's claim. The file
 * name's extension only chooses between look-alikes (DOC or XLS; TXT or CSV).
 */
export async function detectDocumentType(
  head: Uint8Array,
  extension: string,
): Promise<DetectedType> {
  const found = await fileTypeFromBuffer(head).catch(() => undefined);
  if (found) {
    if (found.mime === "application/x-cfb") {
      const legacy = CFB_BY_EXTENSION[extension];
      if (!legacy) throw unsupportedType("compound file that is not .doc or .xls");
      return { ...legacy, ext: extension, text: false };
    }
    const type = BY_MIME[found.mime];
    if (!type) throw unsupportedType(found.mime);
    return { mime: found.mime, type, ext: found.ext, text: false };
  }
  const textMime = TEXT_BY_EXTENSION[extension];
  if (textMime && !head.includes(0)) {
    return { mime: textMime, type: "autre", ext: extension, text: true };
  }
  throw unsupportedType();
}
