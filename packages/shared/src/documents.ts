// Request and response schemas of /portail/transaction-documents (SPEC.md §4, issue 3 item 6).
import { z } from "zod";
import {
  ACCEPTED_DOCUMENT_FORMATS,
  DOCUMENT_CATEGORIE_MAX_LENGTH,
  SUGGESTED_DOCUMENT_CATEGORIES,
} from "./constants.ts";
import { roleSchema, typeDocumentSchema } from "./enums.ts";
import { paginationQuerySchema } from "./pagination.ts";

export {
  ACCEPTED_DOCUMENT_FORMATS,
  DOCUMENT_CATEGORIE_MAX_LENGTH,
  SUGGESTED_DOCUMENT_CATEGORIES,
} from "./constants.ts";
/** Longest display name kept for an uploaded file (the extension is kept when cutting). */
export const DOCUMENT_NOM_MAX_LENGTH = 200;

export type SuggestedDocumentCategorie = (typeof SUGGESTED_DOCUMENT_CATEGORIES)[number];

export const documentCategorieSchema = z
  .string()
  .trim()
  .min(1)
  .max(DOCUMENT_CATEGORIE_MAX_LENGTH)
  // Control characters would only ever come from a broken or hostile client.
  .refine((value) => !/\p{Cc}/u.test(value), "Must not contain control characters")
  .meta({
    description: `Free text, 1-50 characters; suggested: ${SUGGESTED_DOCUMENT_CATEGORIES.join(", ")}`,
    example: "inspection",
  });

/** The text fields of the multipart upload (validated once all parts have arrived). */
export const documentUploadFieldsSchema = z.object({
  transaction_id: z.coerce.number().int().positive().meta({ example: 12 }),
  categorie: documentCategorieSchema,
});
export type DocumentUploadFields = z.input<typeof documentUploadFieldsSchema>;

/** OpenAPI description of the multipart body; the route reads the parts as a stream. */
export const documentUploadBodySchema = z
  .object({
    transaction_id: z
      .string()
      .meta({ description: "Id of one of your transactions", example: "12" }),
    categorie: documentCategorieSchema,
    file: z.string().meta({
      format: "binary",
      description:
        "The file, up to MAX_UPLOAD_MB (25 MB by default). Its type is detected from its bytes: " +
        `${ACCEPTED_DOCUMENT_FORMATS.join(", ")}. Send the text fields before the file.`,
    }),
  })
  .meta({ id: "DocumentUploadBody" });

export const documentListQuerySchema = paginationQuerySchema.extend({
  categorie: documentCategorieSchema.optional(),
});
export type DocumentListQuery = z.input<typeof documentListQuerySchema>;

export const DOCUMENT_DISPOSITIONS = ["attachment", "inline"] as const;

export const documentDownloadQuerySchema = z.object({
  token: z
    .string()
    .min(1)
    .max(1000)
    .meta({ description: "The signed token of `download_url` (GET /{id}), valid 5 minutes" }),
  disposition: z.enum(DOCUMENT_DISPOSITIONS).default("attachment").meta({
    description: "`inline` opens a PDF or an image in the browser; refused for other types",
  }),
});
export type DocumentDownloadQuery = z.input<typeof documentDownloadQuerySchema>;

export const documentSharerSchema = z
  .object({
    id: z.number().int(),
    first_name: z.string().meta({ example: "Marie" }),
    last_name: z.string().meta({ example: "Dubois" }),
    role: roleSchema,
  })
  .meta({ id: "DocumentSharer" });

export const transactionDocumentSchema = z
  .object({
    id: z.number().int(),
    transaction_id: z.number().int(),
    nom: z.string().meta({ description: "Original file name, sanitised for display" }),
    type: typeDocumentSchema.meta({ description: "From the detected content type" }),
    categorie: z.string(),
    taille: z.number().int().meta({ description: "Size in bytes" }),
    mime_type: z.string().meta({ description: "Detected from the file's bytes" }),
    sha256: z.string().meta({ description: "Hex SHA-256 of the content" }),
    partage_par: documentSharerSchema
      .nullable()
      .meta({ description: "Who shared it; null once that account is deleted" }),
    date_partage: z.string().meta({ description: "ISO 8601 timestamp" }),
    nouveau: z.boolean().meta({ description: "True until the client first downloads it" }),
  })
  .meta({
    id: "TransactionDocument",
    example: {
      id: 7,
      transaction_id: 12,
      nom: "Rapport d'inspection.pdf",
      type: "pdf",
      categorie: "inspection",
      taille: 482113,
      mime_type: "application/pdf",
      sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      partage_par: { id: 3, first_name: "Marie", last_name: "Dubois", role: "courtier" },
      date_partage: "2026-03-01T15:04:05.123Z",
      nouveau: true,
    },
  });
export type TransactionDocument = z.infer<typeof transactionDocumentSchema>;

export const transactionDocumentDetailSchema = transactionDocumentSchema
  .extend({
    download_url: z.string().meta({
      description:
        "Path (under the API origin) of the download, signed for the caller and this document. " +
        "The request still needs the caller's bearer token. Append `&disposition=inline` to " +
        "open a PDF or an image in the browser.",
      example: "/api/v1/portail/transaction-documents/7/download?token=eyJhbGciOi...",
    }),
    download_url_expires_at: z.string().meta({ description: "ISO 8601; 5 minutes from now" }),
  })
  .meta({ id: "TransactionDocumentDetail" });
export type TransactionDocumentDetail = z.infer<typeof transactionDocumentDetailSchema>;

export const transactionDocumentPageSchema = z
  .object({
    items: z.array(transactionDocumentSchema).meta({ description: "Newest shared first" }),
    total: z.number().int(),
    skip: z.number().int(),
    limit: z.number().int(),
  })
  .meta({ id: "TransactionDocumentPage" });
export type TransactionDocumentPage = z.infer<typeof transactionDocumentPageSchema>;
