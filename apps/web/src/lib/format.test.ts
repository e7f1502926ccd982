import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDateTime, formatFileSize, formatMoney } from "./format";

// Intl separates French thousands with a narrow no-break space and puts a no-break space
// before "$"; normalize them to compare with what people read.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("formatMoney", () => {
  it("writes Canadian dollars the Québec way", () => {
    expect(plain(formatMoney("450000.00", "fr"))).toBe("450 000,00 $");
    expect(formatMoney("450000.00", "en")).toBe("$450,000.00");
  });
});

describe("formatCalendarDate", () => {
  it("never shifts a calendar date, whatever the time zone", () => {
    expect(formatCalendarDate("2026-03-15", "fr")).toBe("15 mars 2026");
    expect(formatCalendarDate("2026-03-15", "en")).toBe("March 15, 2026");
    expect(formatCalendarDate("2026-01-01", "fr")).toBe("1 janvier 2026");
  });

  it("leaves an unreadable value as it is", () => {
    expect(formatCalendarDate("bientôt", "fr")).toBe("bientôt");
  });
});

describe("formatDateTime", () => {
  it("shows a moment in Québec's time zone", () => {
    // 02:30 UTC on March 16 is still March 15 in Montréal (EDT, UTC-4).
    expect(plain(formatDateTime("2026-03-16T02:30:00Z", "fr"))).toContain("15 mars 2026");
    expect(plain(formatDateTime("2026-03-16T02:30:00Z", "en"))).toMatch(/Mar 15, 2026.*10:30/);
  });
});

describe("formatFileSize", () => {
  it("picks a readable unit in each language", () => {
    expect(plain(formatFileSize(482_113, "fr"))).toBe("482 ko");
    expect(plain(formatFileSize(1_234_567, "fr"))).toBe("1,2 Mo");
    expect(formatFileSize(1_234_567, "en")).toBe("1.2 MB");
    expect(formatFileSize(900, "en")).toBe("900 bytes");
    expect(plain(formatFileSize(900, "fr"))).toBe("900 o");
  });
});
