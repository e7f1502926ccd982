import { describe, expect, it } from "vitest";
import { buildThread, GROUP_GAP_MS, mergeMessages, type ThreadMessage } from "./thread";

const broker = { id: 1, first_name: "Marie", last_name: "Dubois", role: "courtier" as const };
const client = { id: 2, first_name: "Sophie", last_name: "Tremblay", role: "client" as const };

let next = 1;
function message(date_envoi: string, from: typeof broker | typeof client): ThreadMessage {
  const id = next++;
  return {
    key: `m${id}`,
    id,
    message: `message ${id}`,
    date_envoi,
    mine: from.role === "client",
    expediteur: from,
    lu: false,
    status: "sent",
  };
}

describe("buildThread", () => {
  it("groups consecutive messages of one sender and separates days", () => {
    const items = buildThread([
      message("2026-03-01T14:00:00Z", broker),
      message("2026-03-01T14:02:00Z", broker),
      message("2026-03-01T14:03:00Z", client),
      message("2026-03-02T15:00:00Z", client),
    ]);
    expect(items.map((item) => (item.kind === "day" ? item.day : item.messages.length))).toEqual([
      "2026-03-01",
      2,
      1,
      "2026-03-02",
      1,
    ]);
    const groups = items.filter((item) => item.kind === "group");
    expect(groups.map((group) => group.mine)).toEqual([false, true, true]);
  });

  it("puts day separators on Québec's days, not UTC's", () => {
    // 23:30 in Québec on March 1st, then 00:30 on March 2nd (both March 2nd in UTC).
    const items = buildThread([
      message("2026-03-02T04:30:00Z", broker),
      message("2026-03-02T05:30:00Z", broker),
    ]);
    expect(items.filter((item) => item.kind === "day").map((item) => item.day)).toEqual([
      "2026-03-01",
      "2026-03-02",
    ]);
  });

  it("starts a new group after a long pause", () => {
    const start = new Date("2026-03-01T14:00:00Z").getTime();
    const items = buildThread([
      message(new Date(start).toISOString(), broker),
      message(new Date(start + GROUP_GAP_MS + 1000).toISOString(), broker),
    ]);
    expect(items.filter((item) => item.kind === "group")).toHaveLength(2);
  });
});

describe("mergeMessages", () => {
  it("drops duplicates, keeps date order and leaves unsent messages last", () => {
    const a = message("2026-03-01T14:00:00Z", broker);
    const b = message("2026-03-01T14:05:00Z", client);
    const sending: ThreadMessage = { ...b, key: "local-1", id: null, status: "sending" };
    const merged = mergeMessages([a, sending], [b, a]);
    expect(merged.map((m) => m.key)).toEqual([a.key, b.key, "local-1"]);
  });
});
