import type {
  ActivationBody,
  CourtierContact,
  InvitationPublic,
  TokenResponse,
} from "@portail/shared";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { client_invitations, users } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import { hashToken } from "../../lib/tokens.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { UserRow } from "../auth/repository.ts";
import {
  type AuthDeps,
  assertPasswordPolicy,
  type ClientMeta,
  startSession,
} from "../auth/service.ts";
import { isUniqueViolation } from "./service.ts";

// The two public steps of an invitation link: the activation page reads who invited whom, then
// the client chooses a password. The token is the only credential, so every answer depends on
// it alone, and an unknown token looks exactly like a withdrawn (`inactif`) one.
//
// After activation the token hash stays on the row on purpose: the UPDATE below only ever
// matches statut `invite`, so the link is dead for good, and keeping the hash lets a second
// click on the emailed link answer « already used, sign in » (409) instead of « unknown » (404).

const unknownLink = () => new AppError("NOT_FOUND", "Unknown invitation link");
const alreadyUsed = () =>
  new AppError("ALREADY_USED", "This invitation was already activated; sign in instead");
// The link proved it was sent to this client: naming its broker tells them whom to ask for a
// new one. Only here: an unknown or withdrawn link reveals nobody.
const expired = (courtier: CourtierContact) =>
  new AppError("EXPIRED", "This invitation link has expired; ask your broker for a new one", {
    details: { courtier },
  });

/** Deliberately unscoped: the caller is anonymous, the token hash is the whole authorization. */
async function unsafeFindByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      invitation: client_invitations,
      expired: sql<boolean>`coalesce(${client_invitations.token_expires_at} <= now(), true)`,
      courtier: {
        first_name: users.first_name,
        last_name: users.last_name,
        email: users.email,
        telephone: users.telephone,
        is_active: users.is_active,
      },
    })
    .from(client_invitations)
    .innerJoin(users, eq(users.id, client_invitations.courtier_id))
    .where(eq(client_invitations.token_hash, tokenHash))
    .limit(1);
  return row ?? null;
}

type Found = NonNullable<Awaited<ReturnType<typeof unsafeFindByTokenHash>>>;

function assertUsable(found: Found | null): asserts found is Found {
  // A withdrawn invitation, or one whose broker left, is not the client's to open any more.
  if (!found || found.invitation.statut === "inactif" || !found.courtier.is_active) {
    throw unknownLink();
  }
  if (found.invitation.statut === "actif") throw alreadyUsed();
  if (found.expired) throw expired(contactOf(found.courtier));
}

const contactOf = (courtier: Found["courtier"]): CourtierContact => ({
  first_name: courtier.first_name,
  last_name: courtier.last_name,
  email: courtier.email,
  telephone: courtier.telephone,
});

export async function getInvitationByToken(db: Db, token: string): Promise<InvitationPublic> {
  const found = await unsafeFindByTokenHash(db, hashToken(token));
  assertUsable(found);
  const { invitation, courtier } = found;
  return {
    prenom: invitation.prenom,
    nom: invitation.nom,
    email: invitation.email,
    type_projet: invitation.type_projet,
    locale: invitation.locale,
    courtier: contactOf(courtier),
    expires_at: invitation.token_expires_at!.toISOString(),
  };
}

/**
 * Creates the client's account from the link and signs them in. Single use even when two
 * requests race: the conditional UPDATE is the only way to the account, and PostgreSQL lets
 * exactly one of them match the `invite` row; the other sees it `actif` and gets 409.
 */
export async function activateInvitation(
  deps: AuthDeps,
  token: string,
  input: ActivationBody,
  meta: ClientMeta,
): Promise<TokenResponse> {
  const tokenHash = hashToken(token);
  const found = await unsafeFindByTokenHash(deps.db, tokenHash);
  assertUsable(found);
  const first_name = input.first_name ?? found.invitation.prenom;
  const last_name = input.last_name ?? found.invitation.nom;
  assertPasswordPolicy(input.password, { email: found.invitation.email, first_name, last_name });
  // Hashing is slow on purpose: done before the transaction, so no row lock waits on it.
  const passwordHash = await hashPassword(input.password);

  const user = await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [claimed] = await db
      .update(client_invitations)
      .set({
        statut: "actif",
        date_activation: sql`now()`,
        derniere_connexion: sql`now()`,
        updated_at: sql`now()`,
      })
      .where(
        and(
          eq(client_invitations.token_hash, tokenHash),
          eq(client_invitations.statut, "invite"),
          gt(client_invitations.token_expires_at, sql`now()`),
        ),
      )
      .returning();
    if (!claimed) {
      // Lost the race, or the link expired or was replaced since the first read.
      const now = await unsafeFindByTokenHash(db, tokenHash);
      assertUsable(now);
      throw alreadyUsed();
    }
    try {
      const [row] = await db
        .insert(users)
        .values({
          email: claimed.email.toLowerCase(),
          password_hash: passwordHash,
          first_name,
          last_name,
          telephone: claimed.telephone,
          role: "client",
          locale: claimed.locale,
          client_invitation_id: claimed.id,
          last_login_at: sql`now()`,
        })
        .returning();
      return row as UserRow;
    } catch (error) {
      // Someone registered this address after the invitation was sent; nothing is activated.
      if (isUniqueViolation(error)) {
        throw new AppError("EMAIL_TAKEN", "An account already uses this email; sign in instead");
      }
      throw error;
    }
  });
  return startSession(deps, user, meta);
}
