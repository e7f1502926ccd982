import { describe, expect, it } from "vitest";
import { contentDisposition, extensionOf, sanitizeFileName } from "./file-name.ts";

describe("sanitizeFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["..\\..\\Windows\\system32\\evil.pdf", "evil.pdf"],
    ["/absolute/path/Offre.pdf", "Offre.pdf"],
    ["..", "document"],
    ["", "document"],
    [".bashrc", "bashrc"],
    ["Rapport d'inspection – Côté.pdf", "Rapport d'inspection – Côté.pdf"],
    ["re\u0301sume\u0301.pdf", "résumé.pdf"], // NFC: one code point per accented letter
    ["fac\u0000ture\u0007.pdf", "facture.pdf"],
    ["line\nbreak.pdf", "linebreak.pdf"],
    ["photo\u202Egpj.exe", "photogpj.exe"], // the bidi override that disguises an extension
    ['a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"],
    ["  trailing dots...  ", "trailing dots"],
    ["many    spaces\t.pdf", "many spaces.pdf"], // a tab is a control character
  ])("%j → %j", (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it("appends the detected extension to a name that has none", () => {
    expect(sanitizeFileName("contrat", "pdf")).toBe("contrat.pdf");
    expect(sanitizeFileName("contrat.PDF", "pdf")).toBe("contrat.PDF");
    expect(sanitizeFileName(undefined, "png")).toBe("document.png");
  });

  it("cuts long names to 200 characters, keeping the extension and whole characters", () => {
    const name = sanitizeFileName(`${"é".repeat(150)}${"😀".repeat(100)}.pdf`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith("😀.pdf")).toBe(true);
    expect(name).not.toContain("\uFFFD");
  });
});

describe("extensionOf", () => {
  it("reads the lower-cased extension", () => {
    expect(extensionOf("Liste.CSV")).toBe("csv");
    expect(extensionOf("archive.tar.gz")).toBe("gz");
    expect(extensionOf("sans extension")).toBe("");
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name (RFC 5987)", () => {
    expect(contentDisposition("attachment", "Rapport d'inspection – Côté (1).pdf")).toBe(
      `attachment; filename="Rapport d'inspection _ Cote (1).pdf"; ` +
        "filename*=UTF-8''Rapport%20d%27inspection%20%E2%80%93%20C%C3%B4t%C3%A9%20%281%29.pdf",
    );
  });

  it("never lets a quote, a backslash or a percent sign break the header", () => {
    const header = contentDisposition("inline", 'a"b\\c%20.pdf');
    expect(header).toMatch(
      /^inline; filename="a_b_c_20\.pdf"; filename\*=UTF-8''a%22b%5Cc%2520\.pdf$/,
    );
  });
});
