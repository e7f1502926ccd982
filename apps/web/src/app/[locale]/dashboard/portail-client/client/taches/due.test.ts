import { describe, expect, it } from "vitest";
import { addDays, countTaches, dueState, todayInQuebec } from "./due";

describe("todayInQuebec", () => {
  it("is Québec's date, not the server's or UTC's", () => {
    // 03:30 UTC on March 2nd is still March 1st in Québec (UTC-5).
    expect(todayInQuebec(new Date("2026-03-02T03:30:00Z"))).toBe("2026-03-01");
    expect(todayInQuebec(new Date("2026-03-02T05:30:00Z"))).toBe("2026-03-02");
    // Summer time (UTC-4).
    expect(todayInQuebec(new Date("2026-07-01T03:59:00Z"))).toBe("2026-06-30");
    expect(todayInQuebec(new Date("2026-07-01T04:00:00Z"))).toBe("2026-07-01");
  });
});

describe("addDays", () => {
  it("crosses months, years and leap days", () => {
    expect(addDays("2026-02-27", 3)).toBe("2026-03-02");
    expect(addDays("2028-02-27", 3)).toBe("2028-03-01");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    // Across the spring time change, still whole days.
    expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
  });
});

describe("dueState", () => {
  const today = "2026-03-01";
  const open = (echeance: string | null) => ({ echeance, completee: false });

  it("is late only before today", () => {
    expect(dueState(open("2026-02-28"), today)).toBe("late");
    expect(dueState(open("2026-03-01"), today)).toBe("soon");
  });

  it("is soon from today through three days ahead", () => {
    expect(dueState(open("2026-03-04"), today)).toBe("soon");
    expect(dueState(open("2026-03-05"), today)).toBeNull();
  });

  it("is nothing for completed tasks and tasks without a date", () => {
    expect(dueState({ echeance: "2026-02-01", completee: true }, today)).toBeNull();
    expect(dueState(open(null), today)).toBeNull();
  });

  it("decides late at Québec's midnight, not UTC's", () => {
    // 23:30 in Québec on Feb 28 is already March 1st in UTC: a task due Feb 28 is not late yet.
    const evening = todayInQuebec(new Date("2026-03-01T04:30:00Z"));
    expect(dueState(open("2026-02-28"), evening)).toBe("soon");
    const nextMorning = todayInQuebec(new Date("2026-03-01T05:30:00Z"));
    expect(dueState(open("2026-02-28"), nextMorning)).toBe("late");
  });
});

describe("countTaches", () => {
  it("counts total, open, completed and late tasks", () => {
    const counts = countTaches(
      [
        { echeance: "2026-02-20", completee: false },
        { echeance: "2026-02-20", completee: true },
        { echeance: "2026-03-02", completee: false },
        { echeance: null, completee: false },
      ],
      "2026-03-01",
    );
    expect(counts).toEqual({ total: 4, actives: 3, completees: 1, enRetard: 1 });
  });
});
