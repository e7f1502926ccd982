import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { hashPassword } from "../modules/auth/passwords.ts";
import { findUserByEmail } from "../modules/auth/repository.ts";
import type { Db } from "./client.ts";
import { users } from "./schema.ts";

// Demo accounts use reserved example domains (RFC 2606), never real addresses.
export const DEMO_PASSWORD = "demo-portail-2026";
export const DEMO_BROKER = {
  email: "marie.dubois@example.com",
  first_name: "Marie",
  last_name: "Dubois",
  telephone: "514-555-0123",
} as const;

/** Creates the plan's demo data; running it again changes nothing. */
export async function seed(db: Db, log: Pick<FastifyBaseLogger, "info">) {
  let broker = await findUserByEmail(db, DEMO_BROKER.email);
  if (!broker) {
    const [row] = await db
      .insert(users)
      .values({
        ...DEMO_BROKER,
        password_hash: await hashPassword(DEMO_PASSWORD),
        role: "courtier",
        locale: "fr",
      })
      .returning();
    broker = row!;
  }
  log.info(`Demo data ready. Broker login: ${DEMO_BROKER.email} / ${DEMO_PASSWORD}`);
  return { broker };
}

/** `npm start` on an empty database fills it with the demo, so a fresh clone shows something. */
export async function seedIfEmpty(app: { db: Db; log: FastifyBaseLogger }) {
  const [{ count } = { count: 0 }] = await app.db
    .select({ count: sql<number>`count(*)::int` })
    .from(users);
  if (count === 0) await seed(app.db, app.log);
}
