import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/context.ts";
import { type Database, rowsOf } from "./client.ts";
import { users } from "./schema.ts";

// The pool's connections prepare every parameterized statement (PreparingClient): planned once
// per connection instead of on every request.
describe.skipIf(!process.env.DATABASE_URL)("prepared statements on PostgreSQL", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("prepares a parameterized statement once per connection and reuses it", async () => {
    const prepared = await database.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await tx.select().from(users).where(eq(users.id, i));
      await tx.execute(sql`select 1 as plain`);
      return rowsOf<{ statement: string }>(
        await tx.execute(sql`select statement from pg_prepared_statements`),
      );
    });
    const ofUsers = prepared.filter((p) => p.statement.includes('from "users"'));
    expect(ofUsers).toHaveLength(1);
    // A statement without parameters runs unnamed, as before.
    expect(prepared.some((p) => p.statement.includes("plain"))).toBe(false);
  });
});
