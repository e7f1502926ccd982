import { type APIRequestContext, expect, request } from "@playwright/test";

// The broker's side of the client journey, driven through the API itself (the broker's pages
// are tested by their own specs), and the emails the API actually sent, read from the suite's
// SMTP server (mail-catcher.mjs).

const apiUrl = () => process.env.E2E_API_URL ?? "http://127.0.0.1:8200";
const mailUrl = () => process.env.E2E_MAIL_URL ?? "http://127.0.0.1:8226";

export const PASSWORD = "une longue phrase pour le portail 2026";

export const unique = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** An API client speaking as one user (bearer token), or anonymous. */
export async function apiAs(token?: string): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: `${apiUrl()}/api/v1/`,
    extraHTTPHeaders: token ? { authorization: `Bearer ${token}` } : {},
  });
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
}

export interface Broker {
  api: APIRequestContext;
  firstName: string;
  lastName: string;
  email: string;
}

export async function createBroker(locale: "fr" | "en"): Promise<Broker> {
  const anonymous = await apiAs();
  const email = unique(`courtier-${locale}`);
  const session = await ok<{ access_token: string }>(
    await anonymous.post("auth/register", {
      data: {
        email,
        password: PASSWORD,
        first_name: "Marie-Ève",
        last_name: "Gagnon",
        telephone: "514-555-0177",
        locale,
      },
    }),
  );
  await anonymous.dispose();
  return {
    api: await apiAs(session.access_token),
    firstName: "Marie-Ève",
    lastName: "Gagnon",
    email,
  };
}

export interface InvitedClient {
  invitationId: number;
  transactionId: number;
  email: string;
  firstName: string;
}

/** The broker invites a client; the API prepares their transaction and emails the link. */
export async function inviteClient(
  broker: Broker,
  locale: "fr" | "en",
  firstName = "Camille",
): Promise<InvitedClient> {
  const email = unique(`client-${locale}`);
  const invitation = await ok<{ id: number }>(
    await broker.api.post("client-invitations", {
      data: { prenom: firstName, nom: "Bergeron", email, type_projet: "achat", locale },
    }),
  );
  const detail = await ok<{ transaction_id: number | null }>(
    await broker.api.get(`client-invitations/${invitation.id}`),
  );
  expect(detail.transaction_id, "the invitation prepares a transaction").not.toBeNull();
  return {
    invitationId: invitation.id,
    transactionId: detail.transaction_id as number,
    email,
    firstName,
  };
}

/** The activation link of the invitation email actually delivered to this address. */
export async function activationLinkFromEmail(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailUrl()}/messages?${new URLSearchParams({ to: email })}`);
        const mails = (await response.json()) as Array<{ text: string; html: string }>;
        for (const mail of mails) {
          const match = `${mail.text}\n${mail.html}`.match(
            /https?:\/\/[^\s"'<>]+\/portail-client\/activation\/[A-Za-z0-9_-]+/,
          );
          if (match) link = match[0];
        }
        return link;
      },
      { message: `invitation email to ${email}`, timeout: 20_000 },
    )
    .toBeDefined();
  // The email's link carries the web app's origin (FRONTEND_URL); the browser uses its path.
  return new URL(link as string).pathname;
}

/** Activates through the API (for tests whose subject is not the activation page). */
export async function activateDirectly(linkPath: string, password = PASSWORD) {
  const token = linkPath.split("/").at(-1) as string;
  const anonymous = await apiAs();
  await ok(await anonymous.post(`client-invitations/activate/${token}`, { data: { password } }));
  await anonymous.dispose();
}

/** A calendar date some days from today in Québec, 'YYYY-MM-DD'. */
export function quebecDate(daysFromToday: number): string {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Toronto",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const [y, m, d] = today.split("-").map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, (d ?? 1) + daysFromToday))
    .toISOString()
    .slice(0, 10);
}

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export interface PreparedFile {
  documentId: number;
  documentName: string;
  etapeTitre: string;
  tacheId: number;
  tacheTitre: string;
  brokerMessage: string;
}

/** What a broker puts in a client's portal: property, progression, an étape, a document… */
export async function prepareTransaction(
  broker: Broker,
  transactionId: number,
  locale: "fr" | "en",
): Promise<PreparedFile> {
  const { api } = broker;
  await ok(
    await api.put(`portail/transactions/${transactionId}`, {
      data: { adresse: "1234, rue Saint-Denis", ville: "Montréal", prix_offert: "450000.00" },
    }),
  );
  await ok(
    await api.put(`portail/transactions/${transactionId}/progression`, {
      data: { progression: 45 },
    }),
  );
  const etapes = await ok<{ items: Array<{ id: number; titre: string; statut: string }> }>(
    await api.get(`portail/transaction-etapes/transaction/${transactionId}`),
  );
  const etape = etapes.items.find((item) => item.statut !== "complete");
  expect(etape, "default étapes").toBeDefined();
  await ok(
    await api.put(`portail/transaction-etapes/${etape?.id}`, {
      data: { statut: "planifie", date_planifiee: quebecDate(5), heure_planifiee: "14:30" },
    }),
  );
  const documentName = locale === "fr" ? "Rapport d'inspection.pdf" : "Inspection report.pdf";
  const document = await ok<{ id: number }>(
    await api.post("portail/transaction-documents", {
      multipart: {
        transaction_id: String(transactionId),
        categorie: "inspection",
        file: { name: documentName, mimeType: "application/pdf", buffer: PDF },
      },
    }),
  );
  const brokerMessage =
    locale === "fr"
      ? "Bonjour! Le rapport d’inspection est dans vos documents."
      : "Hello! The inspection report is in your documents.";
  await ok(
    await api.post("portail/transaction-messages", {
      data: { transaction_id: transactionId, message: brokerMessage },
    }),
  );
  const tacheTitre = locale === "fr" ? "Signer la promesse d’achat" : "Sign the purchase offer";
  const tache = await ok<{ id: number }>(
    await api.post("portail/transaction-taches", {
      data: {
        transaction_id: transactionId,
        titre: tacheTitre,
        priorite: "haute",
        echeance: quebecDate(2),
      },
    }),
  );
  return {
    documentId: document.id,
    documentName,
    etapeTitre: etape?.titre ?? "",
    tacheId: tache.id,
    tacheTitre,
    brokerMessage,
  };
}

export { ok as expectOk };
