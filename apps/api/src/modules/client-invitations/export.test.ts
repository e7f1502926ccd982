import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import {
  createActiveClient,
  createBroker,
  createInvitedClient,
  type TestUser,
  updateInvitation,
} from "../../../test/factories.ts";
import { describeAuthorization } from "../../../test/security.ts";
import { portail_transactions } from "../../db/schema.ts";
import { todayInQuebec } from "../../lib/quebec-time.ts";

const ctx = useTestApp();
const URL = "/api/v1/client-invitations/export";

const HEADERS = [
  "Prénom",
  "Nom",
  "Courriel",
  "Téléphone",
  "Type de projet",
  "Statut",
  "Date d’invitation",
  "Date d’activation",
  "Dernière connexion",
  "Progression (%)",
  "Étape de la transaction",
  "Documents",
  "Messages non lus",
  "Tâches complétées",
  "Tâches au total",
];

const exportCsv = (broker: TestUser, query = "") =>
  ctx.app.inject({ method: "GET", url: `${URL}${query}`, headers: broker.auth });

/** The file as Excel reads it: BOM, then CRLF-separated records of `;`-separated fields. */
function lines(payload: Buffer) {
  expect([...payload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = payload.subarray(3).toString("utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  return text.slice(0, -2).split("\r\n");
}

describe("GET /client-invitations/export", () => {
  it("downloads the filtered clients list as a CSV file Excel fr-CA opens", async () => {
    const { broker, invitation, transaction } = await createActiveClient(ctx, undefined, {
      prenom: "Émilie",
      nom: "Côté",
      telephone: "514-555-0101",
      derniere_connexion: new Date("2026-11-24T03:30:00Z"),
    });
    await ctx.database.db
      .update(portail_transactions)
      .set({ progression: 65, statut: "financement" })
      .where(eq(portail_transactions.id, transaction.id));
    await createInvitedClient(ctx, broker, {
      prenom: "Paul",
      nom: "Vendeur",
      type_projet: "vente",
    });

    const response = await exportCsv(broker, "?type_projet=achat");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="clients-${todayInQuebec()}.csv"`,
    );

    const [header, ...rows] = lines(response.rawPayload);
    expect(header).toBe(HEADERS.join(";"));
    // The vente client is filtered out.
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(";")).toEqual([
      "Émilie",
      "Côté",
      invitation.email,
      // A phone number starting with « - » or « + » would be neutralized too; this one is not.
      "514-555-0101",
      "Achat",
      "Actif",
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      // 03:30 UTC is the evening before in Québec.
      "2026-11-23 22:30",
      "65",
      "Financement",
      "0",
      "0",
      "0",
      "0",
    ]);
  });

  it("neutralizes values a spreadsheet would run as formulas", async () => {
    const broker = await createBroker(ctx);
    const { invitation } = await createInvitedClient(ctx, broker, {
      prenom: '=HYPERLINK("http://evil.example.com","Cliquez")',
      nom: "+SUM(1;2)",
      telephone: "@cmd",
    });
    await updateInvitation(ctx, invitation.id, { nom: "-2+3" });
    const [, row] = lines((await exportCsv(broker)).rawPayload);
    expect(row).toBeDefined();
    // csv quoting doubles inner quotes; every dangerous first character is behind an apostrophe.
    expect(row!.startsWith(`"'=HYPERLINK(""http://evil.example.com"",""Cliquez"")";'-2+3;`)).toBe(
      true,
    );
    expect(row).toContain(";'@cmd;");
    expect(row).not.toMatch(/(^|;)"?[=+\-@]/);
  });

  it("applies the search and the statut filter like the list", async () => {
    const broker = await createBroker(ctx);
    await createInvitedClient(ctx, broker, { prenom: "Émilie", nom: "Côté" });
    await createActiveClient(ctx, broker, { prenom: "Jean", nom: "Cote" });
    await createInvitedClient(ctx, broker, { prenom: "Paul", nom: "Tremblay" });

    const searched = lines((await exportCsv(broker, "?q=cote&sort=nom")).rawPayload).slice(1);
    // Same family name once accents are ignored, so the first name decides.
    expect(searched.map((l) => l.split(";").slice(0, 2).join(" "))).toEqual([
      "Émilie Côté",
      "Jean Cote",
    ]);
    const invites = lines((await exportCsv(broker, "?statut=invite&sort=nom")).rawPayload);
    expect(invites.slice(1).map((l) => l.split(";")[0])).toEqual(["Émilie", "Paul"]);
  });

  it("gives a file with only the headers when nothing matches", async () => {
    const broker = await createBroker(ctx);
    expect(lines((await exportCsv(broker)).rawPayload)).toEqual([HEADERS.join(";")]);
  });

  it.each([
    ["statut", "?statut=tous"],
    ["sort", "?sort=telephone"],
    ["type_projet", "?type_projet=x"],
  ])("answers 400 naming %s for %s", async (field, query) => {
    const broker = await createBroker(ctx);
    const response = await exportCsv(broker, query);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  describeAuthorization("GET /client-invitations/export", ctx, async () => {
    const { broker, client } = await createActiveClient(ctx);
    return { request: { method: "GET", url: URL }, owner: broker, wrongRole: client };
  });
});
