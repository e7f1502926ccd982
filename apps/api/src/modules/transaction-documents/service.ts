import { pipeline, type Readable } from "node:stream";
import {
  documentUploadFieldsSchema,
  type FieldError,
  type TransactionDocument,
  type TransactionDocumentDetail,
  type TransactionDocumentPage,
} from "@portail/shared";
import type { FastifyBaseLogger } from "fastify";
import type { z } from "zod";
import type { Db } from "../../db/client.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { newStorageKey, type Storage, StorageObjectNotFoundError } from "../../storage/index.ts";
import type { Actor } from "../../types.ts";
import { requireTransactionForActor } from "../portail-transactions/access.ts";
import { detectDocumentType } from "./detect.ts";
import type { DownloadSigner } from "./download-token.ts";
import { extensionOf, sanitizeFileName } from "./file-name.ts";
import { type Inspection, UploadInspector } from "./inspect.ts";
import { authorizeManageDocuments, authorizeReadDocuments } from "./policy.ts";
import * as repo from "./repository.ts";

export interface DocumentDeps {
  db: Db;
  storage: Storage;
  log: FastifyBaseLogger;
}

/** One part of a multipart upload, independent of the HTTP library that parsed it. */
export type UploadPart =
  | { type: "field"; name: string; value: string; truncated: boolean }
  | {
      type: "file";
      name: string;
      filename: string;
      stream: Readable;
      /** True when the parser cut the file at the size limit. */
      truncated(): boolean;
    };

const validation = (fields: FieldError[]) =>
  new AppError("VALIDATION_ERROR", "Invalid upload", { fields });

const fieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    code: issue.code,
    message: issue.message,
  }));

/** Validates the text fields and loads the broker's own transaction (else 404). */
async function resolveTarget(db: Db, actor: Actor, fields: Map<string, string>) {
  const parsed = documentUploadFieldsSchema.safeParse(Object.fromEntries(fields));
  if (!parsed.success) throw validation(fieldErrors(parsed.error));
  const transaction = await requireTransactionForActor(db, actor, parsed.data.transaction_id);
  authorizeManageDocuments(actor, transaction);
  return { transaction, categorie: parsed.data.categorie };
}

/** Streams one file into storage under a fresh key, inspecting it on the way. */
async function storeFile(
  storage: Storage,
  part: Extract<UploadPart, { type: "file" }>,
  maxBytes: number,
): Promise<{ key: string; nom: string; inspection: Inspection }> {
  const rawName = sanitizeFileName(part.filename);
  const inspector = new UploadInspector({
    maxBytes,
    truncated: part.truncated,
    detect: (head) => detectDocumentType(head, extensionOf(rawName)),
  });
  // An error on either side destroys the other, so `put` sees it and keeps nothing.
  const body = pipeline(part.stream, inspector, () => {});
  const key = newStorageKey();
  try {
    await storage.put(key, body, { contentType: "application/octet-stream" });
  } finally {
    // Whatever happened, let the parser move past this part (a refused file is drained).
    if (!part.stream.readableEnded) part.stream.resume();
  }
  const inspection = inspector.result();
  return { key, inspection, nom: sanitizeFileName(part.filename, inspection.detected.ext) };
}

/**
 * Shares a document: the text fields (`transaction_id`, `categorie`) and the `file`, in any
 * order. When the fields come first (the usual case) they are checked before any byte is
 * stored; otherwise the file is stored first and removed if they turn out wrong. Either way,
 * a failed upload leaves neither a row without a file nor a file without a row.
 */
export async function uploadDocument(
  deps: DocumentDeps & { maxUploadBytes: number },
  actor: Actor,
  parts: AsyncIterable<UploadPart>,
): Promise<TransactionDocument> {
  const { db, storage } = deps;
  const fields = new Map<string, string>();
  let target: Awaited<ReturnType<typeof resolveTarget>> | undefined;
  let stored: Awaited<ReturnType<typeof storeFile>> | undefined;
  try {
    for await (const part of parts) {
      if (part.type === "field") {
        if (part.truncated) {
          throw validation([{ field: part.name, code: "too_big", message: "Value too long" }]);
        }
        if (fields.has(part.name)) {
          throw validation([{ field: part.name, code: "duplicate", message: "Sent twice" }]);
        }
        fields.set(part.name, part.value);
        continue;
      }
      if (part.name !== "file" || stored) {
        part.stream.resume();
        throw validation([
          { field: part.name, code: "unexpected_file", message: 'Send one file, as "file"' },
        ]);
      }
      if (fields.has("transaction_id") && fields.has("categorie")) {
        try {
          target = await resolveTarget(db, actor, fields);
        } catch (error) {
          part.stream.resume();
          throw error;
        }
      }
      stored = await storeFile(storage, part, deps.maxUploadBytes);
    }
    if (!stored) {
      throw validation([{ field: "file", code: "required", message: "A file is required" }]);
    }
    target ??= await resolveTarget(db, actor, fields);
    const { inspection } = stored;
    const row = await repo.insertDocument(db, {
      transaction_id: target.transaction.id,
      nom: stored.nom,
      type: inspection.detected.type,
      categorie: target.categorie,
      taille: inspection.size,
      mime_type: inspection.detected.mime,
      storage_key: stored.key,
      sha256: inspection.sha256,
      partage_par_id: actor.id,
    });
    return repo.toDocument({
      ...row,
      sharer_id: actor.id,
      sharer_first_name: actor.first_name,
      sharer_last_name: actor.last_name,
      sharer_role: actor.role,
    });
  } catch (error) {
    if (stored) await removeObject(deps, stored.key);
    throw error;
  }
}

async function removeObject({ storage, log }: DocumentDeps, key: string) {
  try {
    await storage.delete(key);
  } catch (err) {
    // The row is gone or never existed: an orphan object is harmless, only wasted space.
    log.error({ err, key }, "could not delete a stored document object");
  }
}

async function requireDocument(db: Db, actor: Actor, documentId: number) {
  const document = await repo.findDocumentForActor(db, actor, documentId);
  if (!document) throw notFound("Document");
  return document;
}

const publicDocument = ({
  storage_key: _key,
  courtier_id: _courtier,
  client_invitation_id: _invitation,
  flags: _flags,
  ...document
}: repo.ScopedDocument): TransactionDocument => document;

export async function listTransactionDocuments(
  { db }: Pick<DocumentDeps, "db">,
  actor: Actor,
  transactionId: number,
  query: { categorie?: string; skip: number; limit: number },
): Promise<TransactionDocumentPage> {
  const transaction = await requireTransactionForActor(db, actor, transactionId);
  authorizeReadDocuments(actor, transaction);
  const page = await repo.listDocuments(db, transaction.id, query);
  return { ...page, skip: query.skip, limit: query.limit };
}

export async function getDocumentDetail(
  { db, signer }: Pick<DocumentDeps, "db"> & { signer: DownloadSigner },
  actor: Actor,
  documentId: number,
): Promise<TransactionDocumentDetail> {
  const document = await requireDocument(db, actor, documentId);
  authorizeReadDocuments(actor, document);
  const { token, expiresAt } = await signer.sign({ documentId, userId: actor.id });
  return {
    ...publicDocument(document),
    download_url: `/api/v1/portail/transaction-documents/${documentId}/download?token=${token}`,
    download_url_expires_at: expiresAt.toISOString(),
  };
}

/** Types a browser may render in place; anything else is only ever an attachment. */
const INLINE_TYPES = new Set<TransactionDocument["type"]>(["pdf", "image"]);

/**
 * Opens a document's content for its broker or its client (access re-checked, link verified).
 * The client's first download clears `nouveau`.
 */
export async function openDownload(
  deps: DocumentDeps & { signer: DownloadSigner },
  actor: Actor,
  documentId: number,
  query: { token: string; disposition: "attachment" | "inline" },
): Promise<{ document: TransactionDocument; stream: Readable; size: number }> {
  const { db, storage } = deps;
  const document = await requireDocument(db, actor, documentId);
  authorizeReadDocuments(actor, document);
  await deps.signer.verify(query.token, { documentId, userId: actor.id });
  if (query.disposition === "inline" && !INLINE_TYPES.has(document.type)) {
    throw validation([
      {
        field: "disposition",
        code: "invalid_value",
        message: "Only PDFs and images can be opened inline",
      },
    ]);
  }

  let object: { stream: Readable; size: number };
  try {
    object = await storage.get(document.storage_key);
  } catch (error) {
    if (!(error instanceof StorageObjectNotFoundError)) throw error;
    deps.log.error({ documentId, key: document.storage_key }, "document object missing");
    throw notFound("Document file");
  }
  if (actor.role === "client" && document.nouveau) {
    try {
      await repo.markOpened(db, documentId);
    } catch (error) {
      object.stream.destroy();
      throw error;
    }
  }
  return { document: publicDocument(document), stream: object.stream, size: object.size };
}

/** The broker removes a document: the row first, then its object. */
export async function deleteTransactionDocument(
  deps: DocumentDeps,
  actor: Actor,
  documentId: number,
): Promise<void> {
  const document = await requireDocument(deps.db, actor, documentId);
  authorizeManageDocuments(actor, document);
  await repo.deleteDocument(deps.db, documentId);
  await removeObject(deps, document.storage_key);
}
