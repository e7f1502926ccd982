import { randomBytes } from "node:crypto";
import {
  transaction_documents,
  transaction_etapes,
  transaction_messages,
  transaction_taches,
} from "../src/db/schema.ts";
import type { TestContext } from "./context.ts";

// Rows a transaction accumulates, inserted directly (several at once) for tests that need
// data around a transaction without going through the documents, messages or tâches routes.

type Insert<T extends { $inferInsert: unknown }> = Partial<T["$inferInsert"]>;
const times = <T>(n: number, make: (i: number) => T) =>
  Array.from({ length: n }, (_, i) => make(i));

export async function addEtapes(
  ctx: TestContext,
  transactionId: number,
  n = 1,
  values: (i: number) => Insert<typeof transaction_etapes> = () => ({}),
) {
  return ctx.database.db
    .insert(transaction_etapes)
    .values(
      times(n, (i) => ({
        transaction_id: transactionId,
        titre: `Étape ${i + 1}`,
        ordre: i + 1,
        ...values(i),
      })),
    )
    .returning();
}

export async function addDocuments(
  ctx: TestContext,
  transactionId: number,
  n = 1,
  values: (i: number) => Insert<typeof transaction_documents> = () => ({}),
) {
  return ctx.database.db
    .insert(transaction_documents)
    .values(
      times(n, (i) => ({
        transaction_id: transactionId,
        nom: `document-${i + 1}.pdf`,
        type: "pdf" as const,
        categorie: "Contrats",
        taille: 1234,
        mime_type: "application/pdf",
        storage_key: `test/${randomBytes(12).toString("hex")}`,
        sha256: "0".repeat(64),
        ...values(i),
      })),
    )
    .returning();
}

export async function addMessages(
  ctx: TestContext,
  transactionId: number,
  senderId: number,
  n = 1,
  values: (i: number) => Insert<typeof transaction_messages> = () => ({}),
) {
  return ctx.database.db
    .insert(transaction_messages)
    .values(
      times(n, (i) => ({
        transaction_id: transactionId,
        expediteur_id: senderId,
        message: `Message ${i + 1}`,
        ...values(i),
      })),
    )
    .returning();
}

export async function addTaches(
  ctx: TestContext,
  transactionId: number,
  n = 1,
  values: (i: number) => Insert<typeof transaction_taches> = () => ({}),
) {
  return ctx.database.db
    .insert(transaction_taches)
    .values(
      times(n, (i) => ({ transaction_id: transactionId, titre: `Tâche ${i + 1}`, ...values(i) })),
    )
    .returning();
}
