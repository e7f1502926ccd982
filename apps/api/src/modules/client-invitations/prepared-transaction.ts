import type { Locale, TypeProjet } from "@portail/shared";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { portail_transactions, transaction_etapes } from "../../db/schema.ts";
import { defaultEtapes } from "./default-etapes.ts";
import type { InvitationRow } from "./repository.ts";

// The transaction a broker prepares before the client arrives: its default étapes, and what
// happens to them when the broker corrects the project type.

/** Seeds the default étapes of `type`, in the invitation's language. */
export async function seedEtapes(db: Db, transactionId: number, type: TypeProjet, locale: Locale) {
  await db
    .insert(transaction_etapes)
    .values(
      defaultEtapes(type, locale).map((etape) => ({ transaction_id: transactionId, ...etape })),
    );
}

/**
 * The broker corrected the project type before the client arrived: the prepared transaction
 * follows, and its étapes are replaced by the new type's defaults unless the broker already
 * worked on them (anything else than the untouched default list is kept).
 */
export async function retypeFirstTransaction(db: Db, invitation: InvitationRow, type: TypeProjet) {
  const [transaction] = await db
    .select({ id: portail_transactions.id })
    .from(portail_transactions)
    .where(eq(portail_transactions.client_invitation_id, invitation.id))
    .orderBy(desc(portail_transactions.created_at), desc(portail_transactions.id))
    .limit(1);
  if (!transaction) return;
  await db
    .update(portail_transactions)
    .set({ type, updated_at: sql`now()` })
    .where(eq(portail_transactions.id, transaction.id));

  const etapes = await db
    .select({
      id: transaction_etapes.id,
      titre: transaction_etapes.titre,
      ordre: transaction_etapes.ordre,
      statut: transaction_etapes.statut,
      date_planifiee: transaction_etapes.date_planifiee,
    })
    .from(transaction_etapes)
    .where(eq(transaction_etapes.transaction_id, transaction.id))
    .orderBy(asc(transaction_etapes.ordre));
  const defaults = defaultEtapes(invitation.type_projet, invitation.locale);
  const untouched =
    etapes.length === defaults.length &&
    etapes.every(
      (etape, i) =>
        etape.titre === defaults[i]!.titre &&
        etape.ordre === defaults[i]!.ordre &&
        etape.statut === defaults[i]!.statut &&
        etape.date_planifiee === null,
    );
  if (!untouched) return;
  await db.delete(transaction_etapes).where(
    inArray(
      transaction_etapes.id,
      etapes.map((e) => e.id),
    ),
  );
  await seedEtapes(db, transaction.id, type, invitation.locale);
}
