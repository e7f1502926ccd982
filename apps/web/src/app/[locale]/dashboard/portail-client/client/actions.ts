"use server";

import { type ErrorCode, type Tache, tacheSchema } from "@portail/shared";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/server";

export type ToggleResult = { ok: true; tache: Tache } | { ok: false; code: ErrorCode };

/** Completes or reopens a task (either party may); the caller updates at once and rolls back. */
export async function toggleTacheAction(id: number): Promise<ToggleResult> {
  if (!Number.isInteger(id) || id <= 0) return { ok: false, code: "NOT_FOUND" };
  try {
    const tache = await apiJson(`/portail/transaction-taches/${id}/toggle`, tacheSchema, {
      method: "PUT",
    });
    return { ok: true, tache };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, code: error.code };
    throw error;
  }
}
