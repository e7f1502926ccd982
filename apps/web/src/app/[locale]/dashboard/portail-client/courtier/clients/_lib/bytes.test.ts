import { describe, expect, it } from "vitest";
import { formatBytes } from "./bytes";

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("formatBytes", () => {
  it("picks a readable unit in each language", () => {
    expect(plain(formatBytes(482_113, "fr"))).toBe("482 ko");
    expect(plain(formatBytes(1_234_567, "fr"))).toBe("1,2 Mo");
    expect(formatBytes(1_234_567, "en")).toBe("1.2 MB");
    expect(formatBytes(900, "en")).toBe("900 bytes");
    expect(plain(formatBytes(900, "fr"))).toBe("900 o");
  });
});
