"use server";

import {
  createEtapeBodySchema,
  createTransactionBodySchema,
  etapePageSchema,
  etapeSchema,
  invitationSchema,
  invitationUpdateBodySchema,
  progressionBodySchema,
  reorderEtapesBodySchema,
  tacheCreateBodySchema,
  tacheSchema,
  tacheUpdateBodySchema,
  transactionSchema,
  updateEtapeBodySchema,
  updateTransactionBodySchema,
} from "@portail/shared";
import { z } from "zod";
import { apiFetch, apiJson } from "@/lib/api/server";
import type { ActionResult } from "../_lib/action-result";
import { parseInput, runAction } from "../_lib/run-action";

// Server actions of the client workspace. Each checks its input with the shared schema, calls
// the API with the broker's session (the API decides what this broker may touch: another
// broker's ids answer 404) and re-renders the page on success.

const idSchema = z.number().int().positive();

async function withInput<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  call: (data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = await parseInput(schema, input);
  if (parsed.ok) return runAction(() => call(parsed.data));
  const { result } = parsed;
  if (result.ok || !result.fieldErrors) return result;
  // Errors name the form's fields, not the wrapper this file puts around them.
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors).map(([field, message]) => [
      field.replace(/^(patch|body)\./, ""),
      message,
    ]),
  );
  return { ...result, fieldErrors };
}

const put = (body: unknown) => ({ method: "PUT" as const, body });
const post = (body: unknown) => ({ method: "POST" as const, body });

// Invitation ----------------------------------------------------------------------------------

export async function updateInvitationAction(id: number, patch: unknown) {
  return withInput(
    z.object({ id: idSchema, patch: invitationUpdateBodySchema }),
    { id, patch },
    (d) => apiJson(`/client-invitations/${d.id}`, invitationSchema, put(d.patch)),
  );
}

export async function resendInvitationAction(id: number) {
  return withInput(idSchema, id, (d) =>
    apiJson(`/client-invitations/${d}/resend`, invitationSchema, { method: "POST" }),
  );
}

// Transaction ---------------------------------------------------------------------------------

export async function createTransactionAction(invitationId: number) {
  return withInput(createTransactionBodySchema, { client_invitation_id: invitationId }, (d) =>
    apiJson("/portail/transactions", transactionSchema, post(d)),
  );
}

export async function updateTransactionAction(id: number, patch: unknown) {
  return withInput(
    z.object({ id: idSchema, patch: updateTransactionBodySchema }),
    { id, patch },
    (d) => apiJson(`/portail/transactions/${d.id}`, transactionSchema, put(d.patch)),
  );
}

export async function setProgressionAction(id: number, progression: number) {
  return withInput(
    z.object({ id: idSchema, body: progressionBodySchema }),
    { id, body: { progression } },
    (d) => apiJson(`/portail/transactions/${d.id}/progression`, transactionSchema, put(d.body)),
  );
}

// Étapes --------------------------------------------------------------------------------------

export async function createEtapeAction(body: unknown) {
  return withInput(createEtapeBodySchema, body, (d) =>
    apiJson("/portail/transaction-etapes", etapeSchema, post(d)),
  );
}

export async function updateEtapeAction(id: number, patch: unknown) {
  return withInput(z.object({ id: idSchema, patch: updateEtapeBodySchema }), { id, patch }, (d) =>
    apiJson(`/portail/transaction-etapes/${d.id}`, etapeSchema, put(d.patch)),
  );
}

export async function deleteEtapeAction(id: number) {
  return withInput(idSchema, id, async (d) => {
    await apiFetch(`/portail/transaction-etapes/${d}`, { method: "DELETE" });
    return null;
  });
}

export async function reorderEtapesAction(transactionId: number, ids: number[]) {
  return withInput(
    z.object({ transactionId: idSchema, body: reorderEtapesBodySchema }),
    { transactionId, body: { ids } },
    (d) =>
      apiJson(
        `/portail/transaction-etapes/transaction/${d.transactionId}/order`,
        etapePageSchema,
        put(d.body),
      ),
  );
}

// Tâches --------------------------------------------------------------------------------------

export async function createTacheAction(body: unknown) {
  return withInput(tacheCreateBodySchema, body, (d) =>
    apiJson("/portail/transaction-taches", tacheSchema, post(d)),
  );
}

export async function updateTacheAction(id: number, patch: unknown) {
  return withInput(z.object({ id: idSchema, patch: tacheUpdateBodySchema }), { id, patch }, (d) =>
    apiJson(`/portail/transaction-taches/${d.id}`, tacheSchema, put(d.patch)),
  );
}

export async function toggleTacheAction(id: number) {
  return withInput(idSchema, id, (d) =>
    apiJson(`/portail/transaction-taches/${d}/toggle`, tacheSchema, { method: "PUT" }),
  );
}

export async function deleteTacheAction(id: number) {
  return withInput(idSchema, id, async (d) => {
    await apiFetch(`/portail/transaction-taches/${d}`, { method: "DELETE" });
    return null;
  });
}

// Documents -----------------------------------------------------------------------------------

export async function deleteDocumentAction(id: number) {
  return withInput(idSchema, id, async (d) => {
    await apiFetch(`/portail/transaction-documents/${d}`, { method: "DELETE" });
    return null;
  });
}
