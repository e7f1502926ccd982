import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import { createActiveClient, type TestUser } from "../../../test/factories.ts";
import { countQueries, rowsOf } from "../../db/client.ts";
import { todayInQuebecSql } from "../../lib/quebec-time.ts";
import { insertTaches, montrealDate, storedTache } from "./test-helpers.ts";

const ctx = useTestApp();
const BASE = "/api/v1/portail/transaction-taches";

const list = async (user: TestUser, transactionId: number, query = "") => {
  const response = await ctx.app.inject({
    method: "GET",
    url: `${BASE}/transaction/${transactionId}${query}`,
    headers: user.auth,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe("echeance is a calendar date end to end", () => {
  it("runs in Québec's time zone, where a shifted date would show", () => {
    expect(process.env.TZ).toBe("America/Montreal");
    // ICU names the zone America/Toronto; the offsets show it is in effect (EST, then EDT).
    expect(new Date("2026-03-01T12:00:00Z").getTimezoneOffset()).toBe(300);
    expect(new Date("2026-03-09T12:00:00Z").getTimezoneOffset()).toBe(240);
  });

  // 2026-03-08 and 2026-11-01 are Montréal's DST changes; midnight local is 05:00 or 04:00 UTC,
  // so any trip through a JS Date or a timestamp would move these by a day.
  it.each(["2026-03-01", "2026-03-08", "2026-11-01", "2024-02-29", "2026-12-31", "2027-01-01"])(
    "writes and reads %s unchanged",
    async (date) => {
      const { broker, client, transaction } = await createActiveClient(ctx);
      const created = await ctx.app.inject({
        method: "POST",
        url: BASE,
        headers: broker.auth,
        payload: { transaction_id: transaction.id, titre: "Date", echeance: date },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().echeance).toBe(date);

      const [stored] = rowsOf<{ echeance: string }>(
        await ctx.database.db.execute(
          sql`select echeance::text as echeance from transaction_taches where id = ${created.json().id}`,
        ),
      );
      expect(stored!.echeance).toBe(date);
      expect((await storedTache(ctx, created.json().id))?.echeance).toBe(date);

      const listed = await list(client, transaction.id);
      expect(listed.items[0].echeance).toBe(date);

      const toggled = await ctx.app.inject({
        method: "PUT",
        url: `${BASE}/${created.json().id}/toggle`,
        headers: client.auth,
      });
      expect(toggled.json().echeance).toBe(date);
    },
  );

  it("keeps a date set through an update", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const [tache] = await insertTaches(ctx, transaction.id, [{ echeance: "2026-01-15" }]);
    const response = await ctx.app.inject({
      method: "PUT",
      url: `${BASE}/${tache!.id}`,
      headers: broker.auth,
      payload: { echeance: "2026-03-08" },
    });
    expect(response.json().echeance).toBe("2026-03-08");
    expect((await storedTache(ctx, tache!.id))?.echeance).toBe("2026-03-08");
  });
});

describe("late and upcoming counts around today's date in Québec", () => {
  it("computes today in America/Montreal whatever the session's time zone", async () => {
    // Kiritimati (UTC+14) and Pago Pago (UTC-11) are on different dates from Montréal for most
    // of each day: current_date there would be wrong, our expression must not be.
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]) {
      const today = await ctx.database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local time zone '${zone}'`));
        const [row] = rowsOf<{ today: string }>(
          await tx.execute(sql`select ${todayInQuebecSql}::text as today`),
        );
        return row!.today;
      });
      expect(today, zone).toBe(montrealDate());
    }
  });

  it("counts a task due yesterday as late, one due today as not, and upcoming ones", async () => {
    const { client, transaction } = await createActiveClient(ctx);
    await insertTaches(ctx, transaction.id, [
      { titre: "hier", echeance: montrealDate(-1) },
      { titre: "avant-hier-haute", echeance: montrealDate(-2), priorite: "haute" },
      { titre: "aujourdhui", echeance: montrealDate(0) },
      { titre: "demain", echeance: montrealDate(1) },
      { titre: "dans-7-jours", echeance: montrealDate(7) },
      { titre: "dans-8-jours", echeance: montrealDate(8) },
      { titre: "sans-date" },
      {
        titre: "hier-faite",
        echeance: montrealDate(-1),
        completee: true,
        date_completion: new Date(),
      },
    ]);
    const page = await list(client, transaction.id);
    expect(page.counts).toEqual({
      total: 8,
      actives: 7,
      completees: 1,
      en_retard: 2,
      a_venir: 3,
    });
    const late = Object.fromEntries(
      page.items.map((item: { titre: string; en_retard: boolean }) => [item.titre, item.en_retard]),
    );
    expect(late).toEqual({
      "avant-hier-haute": true,
      hier: true,
      aujourdhui: false,
      demain: false,
      "dans-7-jours": false,
      "dans-8-jours": false,
      "sans-date": false,
      "hier-faite": false,
    });
  });

  it("stops counting a late task once it is completed, and again when it is reopened", async () => {
    const { client, transaction } = await createActiveClient(ctx);
    const [tache] = await insertTaches(ctx, transaction.id, [{ echeance: montrealDate(-1) }]);
    expect((await list(client, transaction.id)).counts.en_retard).toBe(1);
    const toggle = () =>
      ctx.app.inject({ method: "PUT", url: `${BASE}/${tache!.id}/toggle`, headers: client.auth });
    expect((await toggle()).json().en_retard).toBe(false);
    expect((await list(client, transaction.id)).counts).toMatchObject({
      en_retard: 0,
      completees: 1,
    });
    expect((await toggle()).json().en_retard).toBe(true);
    expect((await list(client, transaction.id)).counts.en_retard).toBe(1);
  });
});

describe("query count", () => {
  it("lists tasks in a constant number of queries (3 vs 300 tasks)", async () => {
    async function measure(count: number) {
      const { broker, client, transaction } = await createActiveClient(ctx);
      await insertTaches(
        ctx,
        transaction.id,
        Array.from({ length: count }, (_, i) => ({
          cree_par_id: broker.user.id,
          echeance: montrealDate((i % 20) - 10),
          priorite: (["haute", "moyenne", "basse"] as const)[i % 3],
          completee: i % 4 === 0,
        })),
      );
      // inject() answers a lazy thenable: await it inside, or it runs outside the count.
      const { result, queries } = await countQueries(
        async () =>
          await ctx.app.inject({
            method: "GET",
            url: `${BASE}/transaction/${transaction.id}?limit=100`,
            headers: client.auth,
          }),
      );
      expect(result.statusCode).toBe(200);
      expect(result.json().items).toHaveLength(Math.min(count, 100));
      expect(result.json().counts.total).toBe(count);
      return queries;
    }
    const few = await measure(3);
    expect(await measure(300)).toBe(few);
    // Authentication, transaction access, the page with creators, the counts.
    expect(few).toBe(4);
  });
});
