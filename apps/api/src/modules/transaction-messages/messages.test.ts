import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createActiveClient,
  createBroker,
  createTransactionScenario,
  createUser,
  updateInvitation,
} from "../../../test/factories.ts";
import { describeAuthorization } from "../../../test/security.ts";
import { transaction_messages } from "../../db/schema.ts";
import { insertMessages, messagesSnapshot } from "./test-helpers.ts";

const ctx = useTestApp();
const BASE = "/api/v1/portail/transaction-messages";

const send = (auth: { authorization: string }, payload: unknown) =>
  ctx.app.inject({ method: "POST", url: BASE, headers: auth, payload: payload as object });

const list = (auth: { authorization: string }, transactionId: number, query = "") =>
  ctx.app.inject({
    method: "GET",
    url: `${BASE}/transaction/${transactionId}${query}`,
    headers: auth,
  });

const markRead = (auth: { authorization: string }, messageId: number | string) =>
  ctx.app.inject({ method: "PUT", url: `${BASE}/${messageId}/mark-read`, headers: auth });

const markAllRead = (auth: { authorization: string }, transactionId: number, query = "") =>
  ctx.app.inject({
    method: "PUT",
    url: `${BASE}/transaction/${transactionId}/mark-read${query}`,
    headers: auth,
  });

async function storedMessage(id: number) {
  const [row] = await ctx.database.db
    .select()
    .from(transaction_messages)
    .where(eq(transaction_messages.id, id));
  return row;
}

describe("POST /portail/transaction-messages", () => {
  it("lets the broker and the client write in their thread, trimmed, with sender and role", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const fromBroker = await send(broker.auth, {
      transaction_id: transaction.id,
      message: "  Bonjour Sophie, l'inspection est jeudi.  ",
    });
    expect(fromBroker.statusCode, fromBroker.body).toBe(201);
    const body = fromBroker.json();
    expect(body).toMatchObject({
      transaction_id: transaction.id,
      message: "Bonjour Sophie, l'inspection est jeudi.",
      lu: false,
      lu_at: null,
      mine: true,
      expediteur: {
        id: broker.user.id,
        first_name: broker.user.first_name,
        last_name: broker.user.last_name,
        role: "courtier",
      },
    });
    expect(new Date(body.date_envoi).toISOString()).toBe(body.date_envoi);
    const stored = await storedMessage(body.id);
    expect(stored).toMatchObject({
      message: "Bonjour Sophie, l'inspection est jeudi.",
      expediteur_id: broker.user.id,
      lu: false,
    });

    const fromClient = await send(client.auth, {
      transaction_id: transaction.id,
      message: "Parfait, merci!",
    });
    expect(fromClient.statusCode).toBe(201);
    expect(fromClient.json().expediteur).toMatchObject({ id: client.user.id, role: "client" });
  });

  it("accepts exactly 5000 characters", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await send(broker.auth, {
      transaction_id: transaction.id,
      message: "é".repeat(5000),
    });
    expect(response.statusCode).toBe(201);
    expect((await storedMessage(response.json().id))?.message).toHaveLength(5000);
  });

  it.each([
    ["an empty message", { message: "" }, "message"],
    ["a blank message", { message: " \n\t " }, "message"],
    ["5001 characters", { message: "a".repeat(5001) }, "message"],
    ["a NUL character", { message: "a\u0000b" }, "message"],
    ["a number as message", { message: 42 }, "message"],
    ["no transaction", { transaction_id: undefined }, "transaction_id"],
    ["a text transaction id", { transaction_id: "12" }, "transaction_id"],
    ["a negative transaction id", { transaction_id: -1 }, "transaction_id"],
  ])("refuses %s with 400 and writes nothing", async (_name, change, field) => {
    const { broker, transaction } = await createActiveClient(ctx);
    const snapshot = messagesSnapshot(ctx, transaction.id);
    const response = await send(broker.auth, {
      transaction_id: transaction.id,
      message: "Bonjour",
      ...change,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_ERROR");
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await snapshot()).toEqual([]);
  });

  it("answers 404 for a transaction that does not exist", async () => {
    const broker = await createBroker(ctx);
    const response = await send(broker.auth, { transaction_id: 2_000_000_000, message: "Allo" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("NOT_FOUND");
  });

  it("answers 404 to an admin, who is no party of any thread", async () => {
    const { transaction } = await createActiveClient(ctx);
    const admin = await createUser(ctx, { role: "admin" });
    const snapshot = messagesSnapshot(ctx, transaction.id);
    const response = await send(admin.auth, { transaction_id: transaction.id, message: "Allo" });
    expect(response.statusCode).toBe(404);
    expect(await snapshot()).toEqual([]);
  });
});

describe("GET /portail/transaction-messages/transaction/:id", () => {
  it("lists the thread oldest first with each sender, `mine` and the caller's unread count", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id, message: "Un", date_envoi: "2026-03-01T14:00:00Z" },
      { expediteur_id: client.user.id, message: "Deux", date_envoi: "2026-03-01T15:00:00Z" },
      { expediteur_id: broker.user.id, message: "Trois", date_envoi: "2026-03-01T16:00:00Z" },
      {
        expediteur_id: broker.user.id,
        message: "Quatre",
        date_envoi: "2026-03-01T17:00:00Z",
        lu: true,
      },
    ]);

    const forClient = await list(client.auth, transaction.id);
    expect(forClient.statusCode, forClient.body).toBe(200);
    const page = forClient.json();
    expect(page.items.map((item: { message: string }) => item.message)).toEqual([
      "Un",
      "Deux",
      "Trois",
      "Quatre",
    ]);
    expect(page).toMatchObject({ total: 4, skip: 0, limit: 50, unread_count: 2 });
    expect(page.next_before).toBeNull();
    expect(page.has_more_after).toBe(false);
    expect(page.items[0]).toMatchObject({
      date_envoi: "2026-03-01T14:00:00.000Z",
      mine: false,
      lu: false,
      lu_at: null,
      expediteur: {
        id: broker.user.id,
        first_name: broker.user.first_name,
        last_name: broker.user.last_name,
        role: "courtier",
      },
    });
    expect(page.items[1]).toMatchObject({ mine: true, expediteur: { role: "client" } });
    expect(page.items[3].lu_at).toEqual(expect.any(String));

    const forBroker = (await list(broker.auth, transaction.id)).json();
    expect(forBroker.unread_count).toBe(1);
    expect(forBroker.items.map((item: { mine: boolean }) => item.mine)).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it("answers an empty thread with an empty page and no cursors", async () => {
    const { client, transaction } = await createActiveClient(ctx);
    const response = await list(client.auth, transaction.id);
    expect(response.json()).toEqual({
      items: [],
      total: 0,
      skip: 0,
      limit: 50,
      next_before: null,
      next_after: null,
      has_more_after: false,
      unread_count: 0,
    });
  });

  it.each([
    ["limit=0", "?limit=0", "limit"],
    ["limit=101", "?limit=101", "limit"],
    ["limit=abc", "?limit=abc", "limit"],
    ["both before and after", "?before=abc&after=abc", "after"],
    ["a cursor with forbidden characters", "?before=a%2Fb", "before"],
    ["an undecodable cursor", "?before=bm90LWpzb24", "before"],
    [
      "a cursor with an impossible date",
      `?after=${cursorOf("2026-02-30T00:00:00.000000Z", 1)}`,
      "after",
    ],
    [
      "a cursor with a non-integer id",
      `?after=${cursorOf("2026-02-01T00:00:00.000000Z", 1.5)}`,
      "after",
    ],
  ])("refuses %s with 400", async (_name, query, field) => {
    const { broker, transaction } = await createActiveClient(ctx);
    const response = await list(broker.auth, transaction.id, query);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_ERROR");
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it("refuses a non-numeric transaction id with 400", async () => {
    const broker = await createBroker(ctx);
    const response = await ctx.app.inject({
      method: "GET",
      url: `${BASE}/transaction/abc`,
      headers: broker.auth,
    });
    expect(response.statusCode).toBe(400);
  });
});

function cursorOf(date: string, id: number) {
  return Buffer.from(JSON.stringify([date, id])).toString("base64url");
}

describe("PUT /portail/transaction-messages/:id/mark-read", () => {
  it("lets the recipient mark a message read, once (idempotent)", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const [message] = await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id },
    ]);

    const first = await markRead(client.auth, message!.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: message!.id, lu: true, mine: false });
    const luAt = first.json().lu_at;
    expect(luAt).toEqual(expect.any(String));
    expect((await storedMessage(message!.id))?.lu_at?.toISOString()).toBe(luAt);

    const again = await markRead(client.auth, message!.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().lu_at).toBe(luAt);
    expect((await storedMessage(message!.id))?.lu_at?.toISOString()).toBe(luAt);
    expect((await list(client.auth, transaction.id)).json().unread_count).toBe(0);
  });

  it("lets the broker mark the client's message read", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const [message] = await insertMessages(ctx, transaction.id, [
      { expediteur_id: client.user.id },
    ]);
    const response = await markRead(broker.auth, message!.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ lu: true, expediteur: { role: "client" } });
  });

  it("refuses the sender with 403 and leaves the message unread", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const [fromBroker, fromClient] = await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id },
      { expediteur_id: client.user.id },
    ]);
    const byBroker = await markRead(broker.auth, fromBroker!.id);
    expect(byBroker.statusCode).toBe(403);
    expect(byBroker.json().error.code).toBe("FORBIDDEN");
    const byClient = await markRead(client.auth, fromClient!.id);
    expect(byClient.statusCode).toBe(403);
    expect(await storedMessage(fromBroker!.id)).toMatchObject({ lu: false, lu_at: null });
    expect(await storedMessage(fromClient!.id)).toMatchObject({ lu: false, lu_at: null });
  });

  it("answers 404 to anyone outside the transaction, including the broker's other clients", async () => {
    const { broker, transaction } = await createActiveClient(ctx);
    const other = await createActiveClient(ctx, broker);
    const [message] = await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id },
    ]);
    const response = await markRead(other.client.auth, message!.id);
    expect(response.statusCode).toBe(404);
    expect(await storedMessage(message!.id)).toMatchObject({ lu: false });
  });

  it("answers 404 for an unknown message and 400 for a malformed id", async () => {
    const broker = await createBroker(ctx);
    expect((await markRead(broker.auth, 2_000_000_000)).statusCode).toBe(404);
    // Past PostgreSQL's integer: refused as input, never sent to a query.
    for (const id of ["abc", 2_147_483_648]) {
      const malformed = await markRead(broker.auth, id);
      expect(malformed.statusCode, malformed.body).toBe(400);
      expect(malformed.json().error.code).toBe("VALIDATION_ERROR");
    }
    expect((await list(broker.auth, 2_147_483_648)).statusCode).toBe(400);
  });
});

describe("PUT /portail/transaction-messages/transaction/:id/mark-read", () => {
  it("marks every message addressed to the caller read in one go, and only those", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    const rows = await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id },
      { expediteur_id: client.user.id },
      { expediteur_id: broker.user.id },
      { expediteur_id: broker.user.id, lu: true },
    ]);
    const alreadyReadAt = (await storedMessage(rows[3]!.id))?.lu_at;

    const response = await markAllRead(client.auth, transaction.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ marked: 2, unread_count: 0 });
    expect(await storedMessage(rows[0]!.id)).toMatchObject({ lu: true, lu_at: expect.any(Date) });
    expect(await storedMessage(rows[1]!.id)).toMatchObject({ lu: false, lu_at: null });
    expect(await storedMessage(rows[2]!.id)).toMatchObject({ lu: true });
    expect((await storedMessage(rows[3]!.id))?.lu_at).toEqual(alreadyReadAt);

    expect((await markAllRead(client.auth, transaction.id)).json()).toEqual({
      marked: 0,
      unread_count: 0,
    });
    expect((await markAllRead(broker.auth, transaction.id)).json()).toEqual({
      marked: 1,
      unread_count: 0,
    });
  });

  it("with up_to, leaves a message that arrived after what was shown unread", async () => {
    const { broker, client, transaction } = await createActiveClient(ctx);
    await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id, date_envoi: "2026-03-01T14:00:00Z" },
      { expediteur_id: broker.user.id, date_envoi: "2026-03-01T15:00:00Z" },
    ]);
    const shown = (await list(client.auth, transaction.id)).json();
    const [late] = await insertMessages(ctx, transaction.id, [
      { expediteur_id: broker.user.id, date_envoi: "2026-03-01T16:00:00Z" },
    ]);

    const response = await markAllRead(client.auth, transaction.id, `?up_to=${shown.next_after}`);
    expect(response.json()).toEqual({ marked: 2, unread_count: 1 });
    expect(await storedMessage(late!.id)).toMatchObject({ lu: false });
  });

  it("refuses a malformed up_to cursor with 400", async () => {
    const { client, transaction } = await createActiveClient(ctx);
    const response = await markAllRead(client.auth, transaction.id, "?up_to=garbage");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe("up_to");
  });
});

// The shared security suite, for every route, once with the broker and once with the client
// as the user to serve.
async function thread(flagOff = false) {
  const scenario = await createTransactionScenario(ctx, { acces_messagerie: !flagOff });
  const [fromBroker] = await insertMessages(ctx, scenario.transaction.id, [
    { expediteur_id: scenario.broker.user.id },
    { expediteur_id: scenario.client.user.id },
  ]);
  return { ...scenario, fromBroker: fromBroker! };
}

describeAuthorization("POST message (broker)", ctx, async () => {
  const t = await thread(true);
  return {
    request: {
      method: "POST",
      url: BASE,
      payload: { transaction_id: t.transaction.id, message: "Allo" },
    },
    owner: t.broker,
    otherBroker: t.otherBroker,
    clientWithoutAccess: t.client,
    snapshot: messagesSnapshot(ctx, t.transaction.id),
  };
});

describeAuthorization("POST message (client)", ctx, async () => {
  const t = await thread();
  return {
    request: {
      method: "POST",
      url: BASE,
      payload: { transaction_id: t.transaction.id, message: "Allo" },
    },
    owner: t.client,
    otherBroker: t.otherBroker,
    snapshot: messagesSnapshot(ctx, t.transaction.id),
  };
});

describeAuthorization("GET thread", ctx, async () => {
  const t = await thread(true);
  return {
    request: { method: "GET", url: `${BASE}/transaction/${t.transaction.id}` },
    owner: t.broker,
    otherBroker: t.otherBroker,
    clientWithoutAccess: t.client,
  };
});

describeAuthorization("GET thread (client)", ctx, async () => {
  const t = await thread();
  return {
    request: { method: "GET", url: `${BASE}/transaction/${t.transaction.id}` },
    owner: t.client,
    otherBroker: t.otherBroker,
  };
});

describeAuthorization("PUT message mark-read (client recipient)", ctx, async () => {
  const t = await thread();
  return {
    request: { method: "PUT", url: `${BASE}/${t.fromBroker.id}/mark-read` },
    owner: t.client,
    otherBroker: t.otherBroker,
    snapshot: messagesSnapshot(ctx, t.transaction.id),
  };
});

describeAuthorization("PUT message mark-read (broker recipient)", ctx, async () => {
  const t = await thread();
  const [fromClient] = await insertMessages(ctx, t.transaction.id, [
    { expediteur_id: t.client.user.id },
  ]);
  return {
    request: { method: "PUT", url: `${BASE}/${fromClient!.id}/mark-read` },
    owner: t.broker,
    otherBroker: t.otherBroker,
    snapshot: messagesSnapshot(ctx, t.transaction.id),
  };
});

// The suite's flag check needs a refused user distinct from the served one; here the recipient
// of the message is the client itself, so the flag is checked on its own.
it("refuses the recipient client with 403 ACCESS_DISABLED while messaging is off", async () => {
  const t = await thread(true);
  const snapshot = messagesSnapshot(ctx, t.transaction.id);
  const before = await snapshot();
  const response = await markRead(t.client.auth, t.fromBroker.id);
  expect(response.statusCode).toBe(403);
  expect(response.json().error.code).toBe("ACCESS_DISABLED");
  expect(await snapshot()).toEqual(before);
});

describeAuthorization("PUT thread mark-read", ctx, async () => {
  const t = await thread(true);
  return {
    request: { method: "PUT", url: `${BASE}/transaction/${t.transaction.id}/mark-read` },
    owner: t.broker,
    otherBroker: t.otherBroker,
    clientWithoutAccess: t.client,
    snapshot: messagesSnapshot(ctx, t.transaction.id),
  };
});

describeAuthorization("PUT thread mark-read (client)", ctx, async () => {
  const t = await thread();
  return {
    request: { method: "PUT", url: `${BASE}/transaction/${t.transaction.id}/mark-read` },
    owner: t.client,
    otherBroker: t.otherBroker,
    snapshot: messagesSnapshot(ctx, t.transaction.id),
  };
});

it("cuts off a client whose invitation the broker set inactif (401), until reactivated", async () => {
  const { broker, client, invitation, transaction } = await createActiveClient(ctx);
  await insertMessages(ctx, transaction.id, [{ expediteur_id: broker.user.id }]);
  await updateInvitation(ctx, invitation.id, { statut: "inactif" });
  expect((await list(client.auth, transaction.id)).statusCode).toBe(401);
  const snapshot = messagesSnapshot(ctx, transaction.id);
  const before = await snapshot();
  expect(
    (await send(client.auth, { transaction_id: transaction.id, message: "Allo" })).statusCode,
  ).toBe(401);
  expect((await markAllRead(client.auth, transaction.id)).statusCode).toBe(401);
  expect(await snapshot()).toEqual(before);
  await updateInvitation(ctx, invitation.id, { statut: "actif" });
  expect((await list(client.auth, transaction.id)).statusCode).toBe(200);
});
