import "server-only";
import {
  etapePageSchema,
  type Invitation,
  invitationSchema,
  type MessagePage,
  messagePageSchema,
  type TachePage,
  type TransactionDocumentPage,
  tachePageSchema,
  transactionDocumentPageSchema,
  transactionPageSchema,
} from "@portail/shared";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/server";
import { handlePageApiError } from "@/lib/auth-guards";

type EtapePage = z.infer<typeof etapePageSchema>;

export const WORKSPACE_TABS = ["etapes", "documents", "taches", "messages"] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

/** A section's data, or the code of the API error that kept it from loading. */
export type Loaded<T> = { ok: true; data: T } | { ok: false; code: string };

/** Route ids are user input: anything but a positive 32-bit integer is simply not found. */
export function parseId(raw: string): number {
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) notFound();
  return id;
}

/**
 * The invitation, once per request (metadata and page share it). Another broker's client is
 * a 404 from the API, shown as not found; a 403 as « Accès refusé ».
 */
export const loadInvitation = cache(async (id: number): Promise<Invitation> => {
  try {
    return await apiJson(`/client-invitations/${id}`, invitationSchema);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    return handlePageApiError(error);
  }
});

export async function loadTransactions(invitationId: number) {
  try {
    const page = await apiJson(
      `/portail/transactions/courtier?client_invitation_id=${invitationId}&limit=100&sort=-created_at`,
      transactionPageSchema,
    );
    return page.items;
  } catch (error) {
    return handlePageApiError(error);
  }
}

async function settle<T>(load: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await load };
  } catch (error) {
    // A session that ended or a refusal concerns the whole page, not one section.
    if (error instanceof ApiError && error.status !== 401 && error.status !== 403) {
      return { ok: false, code: error.code };
    }
    return handlePageApiError(error);
  }
}

export interface TransactionSections {
  etapes: Loaded<EtapePage>;
  documents: Loaded<TransactionDocumentPage>;
  taches: Loaded<TachePage>;
  messages: Loaded<MessagePage>;
}

/** Everything the four sections show, in parallel; one failing section does not hide the rest. */
export async function loadSections(transactionId: number): Promise<TransactionSections> {
  const [etapes, documents, taches, messages] = await Promise.all([
    settle(
      apiJson(
        `/portail/transaction-etapes/transaction/${transactionId}?limit=100`,
        etapePageSchema,
      ),
    ),
    settle(
      apiJson(
        `/portail/transaction-documents/transaction/${transactionId}?limit=100`,
        transactionDocumentPageSchema,
      ),
    ),
    settle(
      apiJson(
        `/portail/transaction-taches/transaction/${transactionId}?limit=100`,
        tachePageSchema,
      ),
    ),
    settle(
      apiJson(
        `/portail/transaction-messages/transaction/${transactionId}?limit=50`,
        messagePageSchema,
      ),
    ),
  ]);
  return { etapes, documents, taches, messages };
}
