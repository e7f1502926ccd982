import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import { createBroker, uniqueEmail } from "../../../test/factories.ts";
import { users } from "../../db/schema.ts";

const ctx = useTestApp({ BROKER_SIGNUP: "closed" });

it("refuses broker sign-up with 403 SIGNUP_CLOSED and creates nobody", async () => {
  const email = uniqueEmail("ferme");
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: {
      email,
      password: "une longue phrase au bord du fleuve",
      first_name: "Julie",
      last_name: "Gagnon",
    },
  });
  expect(response.statusCode).toBe(403);
  expect(response.json().error.code).toBe("SIGNUP_CLOSED");
  const rows = await ctx.database.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  expect(rows).toHaveLength(0);
});

it("still lets existing brokers sign in", async () => {
  const broker = await createBroker(ctx);
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: broker.user.email, password: broker.password },
  });
  expect(response.statusCode).toBe(200);
});
