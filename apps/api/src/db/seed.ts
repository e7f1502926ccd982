import { createHmac } from "node:crypto";
import { statutFromProgression, webPaths } from "@portail/shared";
import { inArray, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.ts";
import { addDays, todayInQuebec } from "../lib/quebec-time.ts";
import { searchText } from "../lib/search.ts";
import { resolveJwtSecret } from "../lib/secrets.ts";
import { hashToken } from "../lib/tokens.ts";
import { hashPassword } from "../modules/auth/passwords.ts";
import { findUserByEmail } from "../modules/auth/repository.ts";
import type { Storage } from "../storage/index.ts";
import type { Db } from "./client.ts";
import { type StoredFile, storeDemoFile } from "./demo-files.ts";
import {
  client_invitations,
  portail_transactions,
  transaction_documents,
  transaction_etapes,
  transaction_messages,
  transaction_taches,
  users,
} from "./schema.ts";
import { DEMO_CLIENTS, type DemoClient } from "./seed-data.ts";

// Demo accounts use reserved example domains (RFC 2606), never real addresses.
export const DEMO_PASSWORD = "demo-portail-2026";
export const DEMO_BROKER = {
  email: "marie.dubois@example.com",
  first_name: "Marie",
  last_name: "Dubois",
  telephone: "514-555-0123",
} as const;

export interface SeedContext {
  db: Db;
  config: Config;
  log: Pick<FastifyBaseLogger, "info">;
  /** Where the demo documents' files go: the app's storage (`app.storage`). */
  storage: Pick<Storage, "put" | "delete">;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The invited demo client's activation token, derived from the server's secret so every run
 * prints the same working link without storing the token anywhere (only its hash is stored).
 */
function demoInvitationToken(config: Config, email: string): string {
  return createHmac("sha256", resolveJwtSecret(config))
    .update(`demo-invitation:${email}`)
    .digest("base64url");
}

async function ensureBroker(db: Db, passwordHash: () => Promise<string>) {
  const existing = await findUserByEmail(db, DEMO_BROKER.email);
  if (existing) return existing;
  const [row] = await db
    .insert(users)
    .values({
      ...DEMO_BROKER,
      password_hash: await passwordHash(),
      role: "courtier",
      locale: "fr",
    })
    .returning();
  return row!;
}

/** Inserts one demo client with everything around them, in one database transaction. */
async function createDemoClient(
  ctx: SeedContext,
  brokerId: number,
  client: DemoClient,
  passwordHash: string,
  files: StoredFile[][],
) {
  const now = Date.now();
  const today = todayInQuebec(new Date(now));
  const ago = (ms: number) => new Date(now - ms);
  const invited = ago(client.invitedDaysAgo * DAY);
  const hasAccount = client.statut !== "invite";

  await ctx.db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(client_invitations)
      .values({
        courtier_id: brokerId,
        prenom: client.prenom,
        nom: client.nom,
        email: client.email,
        telephone: client.telephone,
        type_projet: client.type_projet,
        statut: client.statut,
        locale: client.locale,
        token_hash: hasAccount ? null : hashToken(demoInvitationToken(ctx.config, client.email)),
        token_expires_at: hasAccount ? null : new Date(now + ctx.config.invitationTtlDays * DAY),
        date_invitation: invited,
        date_activation: hasAccount ? new Date(invited.getTime() + DAY) : null,
        derniere_connexion: client.statut === "actif" ? ago(2 * HOUR) : null,
        message_personnalise: client.message_personnalise ?? null,
        ...client.flags,
        recherche: searchText(client.prenom, client.nom, client.email),
        created_at: invited,
      })
      .returning({ id: client_invitations.id });
    const invitationId = invitation!.id;

    let clientUserId: number | undefined;
    if (hasAccount) {
      const [user] = await tx
        .insert(users)
        .values({
          email: client.email,
          password_hash: passwordHash,
          first_name: client.prenom,
          last_name: client.nom,
          telephone: client.telephone,
          role: "client",
          locale: client.locale,
          client_invitation_id: invitationId,
          last_login_at: client.statut === "actif" ? ago(2 * HOUR) : null,
          created_at: new Date(invited.getTime() + DAY),
        })
        .returning({ id: users.id });
      clientUserId = user!.id;
    }

    for (const [index, demo] of client.transactions.entries()) {
      const created = ago(demo.createdDaysAgo * DAY);
      const [transaction] = await tx
        .insert(portail_transactions)
        .values({
          client_invitation_id: invitationId,
          courtier_id: brokerId,
          type: demo.type,
          statut: demo.statut ?? statutFromProgression(demo.progression),
          progression: demo.progression,
          date_debut: demo.debutDays === undefined ? null : addDays(today, demo.debutDays),
          date_fin: demo.finDays === undefined ? null : addDays(today, demo.finDays),
          adresse: demo.adresse ?? null,
          ville: demo.ville ?? null,
          prix_offert: demo.prix_offert ?? null,
          prix_accepte: demo.prix_accepte ?? null,
          created_at: created,
          updated_at: created,
        })
        .returning({ id: portail_transactions.id });
      const transactionId = transaction!.id;

      await tx.insert(transaction_etapes).values(
        demo.etapes.map((etape, i) => ({
          transaction_id: transactionId,
          titre: etape.titre,
          description: etape.description ?? null,
          ordre: i + 1,
          statut: etape.statut,
          date_planifiee: etape.days === undefined ? null : addDays(today, etape.days),
          heure_planifiee: etape.heure ?? null,
          date_completion:
            etape.statut === "complete" ? ago(Math.max(-(etape.days ?? 0), 0) * DAY) : null,
          created_at: created,
        })),
      );

      const messages = (demo.messages ?? []).filter((m) => m.from === "courtier" || clientUserId);
      if (messages.length > 0) {
        await tx.insert(transaction_messages).values(
          messages.map((m) => ({
            transaction_id: transactionId,
            expediteur_id: m.from === "courtier" ? brokerId : clientUserId!,
            message: m.text,
            date_envoi: ago(m.hoursAgo * HOUR),
            lu: m.lu,
            lu_at: m.lu ? ago(Math.max(m.hoursAgo - 1, 0) * HOUR) : null,
          })),
        );
      }

      if (demo.taches?.length) {
        await tx.insert(transaction_taches).values(
          demo.taches.map((t) => ({
            transaction_id: transactionId,
            titre: t.titre,
            description: t.description ?? null,
            priorite: t.priorite,
            categorie: t.categorie ?? null,
            echeance: t.days === undefined ? null : addDays(today, t.days),
            completee: t.completee ?? false,
            date_completion: t.completee ? ago(Math.max(-(t.days ?? 0), 1) * DAY) : null,
            cree_par_id: brokerId,
            date_creation: created,
          })),
        );
      }

      const documents = demo.documents ?? [];
      const stored = files[index] ?? [];
      if (documents.length > 0) {
        await tx.insert(transaction_documents).values(
          documents.map((d, i) => ({
            transaction_id: transactionId,
            nom: d.nom,
            type: stored[i]!.type,
            categorie: d.categorie,
            taille: stored[i]!.size,
            mime_type: stored[i]!.mime_type,
            storage_key: stored[i]!.key,
            sha256: stored[i]!.sha256,
            partage_par_id: brokerId,
            date_partage: ago(d.daysAgo * DAY),
            nouveau: d.nouveau,
          })),
        );
      }
    }
  });
}

/** Stores a client's demo files first; removes them again if the database part fails. */
async function seedClient(
  ctx: SeedContext,
  brokerId: number,
  client: DemoClient,
  passwordHash: string,
) {
  const files: StoredFile[][] = [];
  try {
    for (const demo of client.transactions) {
      const stored: StoredFile[] = [];
      files.push(stored);
      for (const document of demo.documents ?? []) {
        stored.push(await storeDemoFile(ctx.storage, document));
      }
    }
    await createDemoClient(ctx, brokerId, client, passwordHash, files);
  } catch (error) {
    await Promise.all(files.flat().map((file) => ctx.storage.delete(file.key)));
    throw error;
  }
}

/** The invited client's link stays usable: a run after it expired issues it again. */
async function refreshInvitationIfExpired(ctx: SeedContext, client: DemoClient) {
  const token = demoInvitationToken(ctx.config, client.email);
  await ctx.db
    .update(client_invitations)
    .set({
      token_hash: hashToken(token),
      token_expires_at: sql`now() + ${`${ctx.config.invitationTtlDays} days`}::interval`,
      updated_at: sql`now()`,
    })
    .where(
      sql`lower(${client_invitations.email}) = ${client.email} and ${client_invitations.statut} = 'invite'
        and (${client_invitations.token_expires_at} is null or ${client_invitations.token_expires_at} < now()
          or ${client_invitations.token_hash} is distinct from ${hashToken(token)})`,
    );
}

function loginsMessage(ctx: SeedContext): string {
  const pad = (text: string, width: number) => text.padEnd(width);
  const lines = [
    `Demo data ready. Password of every demo account: ${DEMO_PASSWORD}`,
    `  broker    ${pad("Marie Dubois", 18)} ${DEMO_BROKER.email}`,
  ];
  for (const client of DEMO_CLIENTS) {
    const name = pad(`${client.prenom} ${client.nom}`, 18);
    if (client.statut === "invite") {
      const token = demoInvitationToken(ctx.config, client.email);
      const link = `${ctx.config.frontendUrl}${webPaths.activation(client.locale, token)}`;
      lines.push(`  invited   ${name} ${client.email} — activation: ${link}`);
    } else if (client.statut === "inactif") {
      lines.push(`  inactive  ${name} ${client.email} (sign-in refused while inactive)`);
    } else {
      lines.push(`  client    ${name} ${client.email}`);
    }
  }
  return lines.join("\n");
}

/** Creates the plan's demo data; running it again changes nothing. */
export async function seed(ctx: SeedContext) {
  let hash: Promise<string> | undefined;
  const passwordHash = () => {
    hash ??= hashPassword(DEMO_PASSWORD);
    return hash;
  };
  const broker = await ensureBroker(ctx.db, passwordHash);

  const existing = new Set(
    (
      await ctx.db
        .select({ email: sql<string>`lower(${client_invitations.email})` })
        .from(client_invitations)
        .where(
          inArray(
            sql`lower(${client_invitations.email})`,
            DEMO_CLIENTS.map((c) => c.email.toLowerCase()),
          ),
        )
    ).map((row) => row.email),
  );
  for (const client of DEMO_CLIENTS) {
    if (existing.has(client.email.toLowerCase())) {
      if (client.statut === "invite") await refreshInvitationIfExpired(ctx, client);
      continue;
    }
    await seedClient(ctx, broker.id, client, await passwordHash());
  }

  ctx.log.info(loginsMessage(ctx));
  return { broker };
}

/** `npm start` on an empty database fills it with the demo, so a fresh clone shows something. */
export async function seedIfEmpty(app: SeedContext) {
  const [{ count } = { count: 0 }] = await app.db
    .select({ count: sql<number>`count(*)::int` })
    .from(users);
  if (count === 0) await seed(app);
}
