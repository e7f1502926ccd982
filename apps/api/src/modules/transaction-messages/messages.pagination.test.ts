import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import { createActiveClient, type TestUser } from "../../../test/factories.ts";
import { countQueries } from "../../db/client.ts";
import { transaction_messages } from "../../db/schema.ts";
import { insertMessages } from "./test-helpers.ts";

const ctx = useTestApp();
const BASE = "/api/v1/portail/transaction-messages";

interface Page {
  items: { id: number; message: string }[];
  total: number;
  next_before: string | null;
  next_after: string | null;
  has_more_after: boolean;
  unread_count: number;
}

async function page(user: TestUser, transactionId: number, query: string): Promise<Page> {
  const response = await ctx.app.inject({
    method: "GET",
    url: `${BASE}/transaction/${transactionId}${query}`,
    headers: user.auth,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/**
 * 120 messages whose sort key is hard to page over: groups of four share a date_envoi (the id
 * breaks the tie), consecutive groups are one microsecond apart (below a JS Date's precision),
 * and they are inserted in shuffled order so ids do not follow dates.
 */
async function seedHardThread() {
  const { broker, client, transaction } = await createActiveClient(ctx);
  const base = Date.UTC(2026, 2, 8, 6, 59, 59); // around the spring DST change in Montréal
  const seeds = Array.from({ length: 120 }, (_, k) => {
    const group = Math.floor(k / 4);
    const micros = String(group).padStart(6, "0");
    const date = `${new Date(base).toISOString().slice(0, 19)}.${micros}Z`;
    return { k, date };
  });
  const shuffled = [...seeds].sort((a, b) => ((a.k * 37) % 120) - ((b.k * 37) % 120));
  await insertMessages(
    ctx,
    transaction.id,
    shuffled.map(({ k, date }) => ({
      expediteur_id: k % 3 === 0 ? client.user.id : broker.user.id,
      message: `m${k}`,
      date_envoi: date,
    })),
  );
  // The expected order, read straight from the database.
  const expected = await ctx.database.db
    .select({ id: transaction_messages.id })
    .from(transaction_messages)
    .where(eq(transaction_messages.transaction_id, transaction.id))
    .orderBy(transaction_messages.date_envoi, transaction_messages.id);
  return { broker, client, transaction, expected: expected.map((row) => row.id) };
}

describe("message cursor pagination", () => {
  it("scrolls back with `before`, then forward with `after`, over 120 messages, each exactly once in order", async () => {
    const { broker, transaction, expected } = await seedHardThread();
    expect(new Set(expected).size).toBe(120);

    // Backwards from the newest page.
    const backPages: Page[] = [];
    let current = await page(broker, transaction.id, "?limit=25");
    backPages.push(current);
    while (current.next_before) {
      current = await page(broker, transaction.id, `?limit=25&before=${current.next_before}`);
      backPages.push(current);
      expect(backPages.length).toBeLessThan(10);
    }
    expect(backPages.map((p) => p.items.length)).toEqual([25, 25, 25, 25, 20]);
    const backwards = backPages.toReversed().flatMap((p) => p.items.map((item) => item.id));
    expect(backwards).toEqual(expected);
    expect(backPages.every((p) => p.total === 120)).toBe(true);
    expect(backPages[0]!.has_more_after).toBe(false);
    expect(backPages[1]!.has_more_after).toBe(true);

    // Forwards from the oldest page.
    const oldest = backPages.at(-1)!;
    const forward = oldest.items.map((item) => item.id);
    let cursor = oldest.next_after;
    let more = oldest.has_more_after;
    let guard = 0;
    while (more) {
      const next = await page(broker, transaction.id, `?limit=25&after=${cursor}`);
      forward.push(...next.items.map((item) => item.id));
      expect(next.next_before).not.toBeNull();
      cursor = next.next_after;
      more = next.has_more_after;
      expect(++guard).toBeLessThan(10);
    }
    expect(forward).toEqual(expected);

    // Past the newest message: nothing more, and the cursor stays put for the next poll.
    const end = await page(broker, transaction.id, `?limit=25&after=${cursor}`);
    expect(end.items).toEqual([]);
    expect(end.next_after).toBe(cursor);
    expect(end.has_more_after).toBe(false);
  });

  it("polls with `after` and gets only the messages sent since", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id, message: "Avant 1" },
      { expediteur_id: client.user.id, message: "Avant 2" },
    ]);
    const initial = await page(client, transaction.id, "");
    expect(initial.items.map((item) => item.message)).toEqual(["Avant 1", "Avant 2"]);
    expect(initial.unread_count).toBe(1);

    for (const message of ["Nouveau 1", "Nouveau 2"]) {
      const sent = await ctx.app.inject({
        method: "POST",
        url: BASE,
        headers: broker.auth,
        payload: { transaction_id: transaction.id, message },
      });
      expect(sent.statusCode).toBe(201);
    }
    const poll = await page(client, transaction.id, `?after=${initial.next_after}`);
    expect(poll.items.map((item) => item.message)).toEqual(["Nouveau 1", "Nouveau 2"]);
    expect(poll.unread_count).toBe(3);
    expect(poll.total).toBe(4);

    const quiet = await page(client, transaction.id, `?after=${poll.next_after}`);
    expect(quiet.items).toEqual([]);
    expect(quiet.next_after).toBe(poll.next_after);
  });

  it("keeps polling correct for messages sent within the same millisecond", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id, message: "a", date_envoi: "2026-11-01T05:30:00.000100Z" },
    ]);
    const initial = await page(client, transaction.id, "");
    await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id, message: "b", date_envoi: "2026-11-01T05:30:00.000200Z" },
      { expediteur_id: broker.user.id, message: "c", date_envoi: "2026-11-01T05:30:00.000100Z" },
    ]);
    // "c" shares "a"'s instant and has a larger id: it sorts after "a", so the poll sees it.
    const poll = await page(client, transaction.id, `?after=${initial.next_after}`);
    expect(poll.items.map((item) => item.message)).toEqual(["c", "b"]);
  });

  it("reads a page in a constant number of queries (3 vs 300 messages)", async () => {
    async function measure(count: number) {
      const { broker, client, transaction } = await createActiveClient(ctx);
      await insertMessages(
        ctx,
        transaction.id,
        Array.from({ length: count }, (_, i) => ({
          expediteur_id: i % 2 ? client.user.id : broker.user.id,
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
      return queries;
    }
    const few = await measure(3);
    const many = await measure(300);
    expect(many).toBe(few);
    // Authentication, transaction access, the page with its senders, the counts.
    expect(few).toBe(4);
  });

  it("marks a whole thread read in a constant number of queries", async () => {
    async function measure(count: number) {
      const { broker, client, transaction } = await createActiveClient(ctx);
      await insertMessages(
        ctx,
        transaction.id,
        Array.from({ length: count }, () => ({ expediteur_id: broker.user.id })),
      );
      // inject() answers a lazy thenable: await it inside, or it runs outside the count.
      const { result, queries } = await countQueries(
        async () =>
          await ctx.app.inject({
            method: "PUT",
            url: `${BASE}/transaction/${transaction.id}/mark-read`,
            headers: client.auth,
          }),
      );
      expect(result.json()).toEqual({ marked: count, unread_count: 0 });
      const [left] = await ctx.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(transaction_messages)
        .where(eq(transaction_messages.transaction_id, transaction.id))
        .groupBy(transaction_messages.lu)
        .having(eq(transaction_messages.lu, false));
      expect(left).toBeUndefined();
      return queries;
    }
    const few = await measure(3);
    expect(await measure(300)).toBe(few);
    // Authentication, transaction access, the one update-and-count statement.
    expect(few).toBe(3);
  });
});
