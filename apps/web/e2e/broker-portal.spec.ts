import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, type Locale, registerBroker, uniqueEmail } from "./helpers";

// The broker's side of the portal in a browser, in both languages: invite clients, find them
// in the list, export it, then work in one client's file (access, transaction, étapes,
// documents, tâches, messages). Every page is scanned by axe and photographed.

const CLIENTS = "/dashboard/portail-client/courtier/clients";
const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** A confirmation toast (exact text: screen readers get a copy of it in a live region). */
async function expectToast(page: Page, message: string) {
  await expect(page.getByText(message, { exact: true })).toBeVisible();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}broker-${name}.png`, fullPage: true });
}

/** The words on the broker's pages, per language, as a person reads them. */
const T = {
  fr: {
    clientsTitle: "Liste des clients",
    emptyTitle: "Aucun client pour l’instant",
    invite: "Inviter un client",
    prenom: "Prénom",
    nom: "Nom",
    email: "Courriel",
    telephone: "Téléphone",
    projectTypes: "Type de projet",
    vente: "Vente",
    achat: "Achat",
    calendrier: "Calendrier",
    message: "Message personnel",
    language: "Langue de l’invitation",
    submit: "Envoyer l’invitation",
    required: "Ce champ est obligatoire.",
    preview: "Aperçu du courriel",
    sent: "Invitation envoyée",
    another: "Inviter un autre client",
    emailTaken: "Ce courriel a déjà une invitation ou un compte.",
    search: "Rechercher",
    statut: "Statut",
    actif: "Actif",
    typeProjet: "Type de projet",
    noResults: "Aucun client ne correspond à votre recherche",
    clearFilters: "Effacer les filtres",
    export: "Exporter",
    table: "Vos clients",
    details: (name: string) => `Voir détails — ${name}`,
    accessOn: "Calendrier : visible par le client",
    adresse: "Adresse",
    ville: "Ville",
    prixOffert: "Prix offert",
    amount: /Montant : 450\s000,00\s\$/,
    saveTransaction: "Enregistrer la transaction",
    transactionSaved: "Transaction enregistrée",
    progressionField: "Progression (%)",
    inspection: "Inspection",
    saveProgression: "Enregistrer la progression",
    progressionSaved: "Progression enregistrée : 45 %",
    addEtape: "Ajouter une étape",
    newEtape: "Nouvelle étape",
    titre: "Titre",
    date: "Date planifiée",
    heure: "Heure",
    save: "Enregistrer",
    etapeAdded: "Étape ajoutée",
    moveUp: (title: string) => `Monter « ${title} »`,
    moved: "Ordre des étapes enregistré",
    tabs: { documents: "Documents", taches: "Tâches", messages: "Messages" },
    file: "Fichier",
    categorie: "Catégorie",
    offre: "Offre d’achat",
    upload: "Téléverser",
    uploaded: "Document « offre-achat.pdf » partagé avec le client",
    newDoc: "Nouveau",
    documentsList: "Documents partagés",
    tasksList: "Tâches du client",
    newTask: "Nouvelle tâche",
    priorite: "Priorité",
    haute: "Haute",
    echeance: "Échéance",
    taskAdded: "Tâche ajoutée",
    late: "En retard",
    taskDone: "Tâche terminée",
    reply: "Votre message",
    notFound: "Client introuvable",
    etapeTitle: "Visite de la propriété",
    taskTitle: "Fournir la lettre d’emploi",
    messageText: "Bonjour Sophie, la visite est confirmée.",
  },
  en: {
    clientsTitle: "Clients",
    emptyTitle: "No clients yet",
    invite: "Invite a client",
    prenom: "First name",
    nom: "Last name",
    email: "Email",
    telephone: "Phone",
    projectTypes: "Project type",
    vente: "Sale",
    achat: "Purchase",
    calendrier: "Calendar",
    message: "Personal message",
    language: "Invitation language",
    submit: "Send the invitation",
    required: "This field is required.",
    preview: "Email preview",
    sent: "Invitation sent",
    another: "Invite another client",
    emailTaken: "This email already has an invitation or an account.",
    search: "Search",
    statut: "Status",
    actif: "Active",
    typeProjet: "Project type",
    noResults: "No clients match your search",
    clearFilters: "Clear filters",
    export: "Export",
    table: "Your clients",
    details: (name: string) => `View details — ${name}`,
    accessOn: "Calendar: visible to your client",
    adresse: "Address",
    ville: "City",
    prixOffert: "Offered price",
    amount: "Amount: $450,000.00",
    saveTransaction: "Save transaction",
    transactionSaved: "Transaction saved",
    progressionField: "Progress (%)",
    inspection: "Inspection",
    saveProgression: "Save progress",
    progressionSaved: "Progress saved: 45%",
    addEtape: "Add a step",
    newEtape: "New step",
    titre: "Title",
    date: "Scheduled date",
    heure: "Time",
    save: "Save",
    etapeAdded: "Step added",
    moveUp: (title: string) => `Move “${title}” up`,
    moved: "Step order saved",
    tabs: { documents: "Documents", taches: "Tasks", messages: "Messages" },
    file: "File",
    categorie: "Category",
    offre: "Purchase offer",
    upload: "Upload",
    uploaded: "“offre-achat.pdf” shared with your client",
    newDoc: "New",
    documentsList: "Shared documents",
    tasksList: "Client’s tasks",
    newTask: "New task",
    priorite: "Priority",
    haute: "High",
    echeance: "Due date",
    taskAdded: "Task added",
    late: "Late",
    taskDone: "Task done",
    reply: "Your message",
    notFound: "Client not found",
    etapeTitle: "Property visit",
    taskTitle: "Send the employment letter",
    messageText: "Hello Sophie, the visit is confirmed.",
  },
} as const;

/** A small but real PDF (one page, one line of text), its xref offsets computed. */
function makePdf(line: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${line}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Yesterday in Québec, as a date field wants it. */
function yesterdayInQuebec(): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(
    new Date(),
  );
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

async function fillInvite(
  page: Page,
  t: (typeof T)[Locale],
  client: { prenom: string; nom: string; email: string },
) {
  await page.getByRole("textbox", { name: t.prenom, exact: true }).fill(client.prenom);
  await page.getByRole("textbox", { name: t.nom, exact: true }).fill(client.nom);
  await page.getByRole("textbox", { name: t.email, exact: true }).fill(client.email);
}

const rowsOf = (page: Page, t: (typeof T)[Locale]) =>
  page.getByRole("table", { name: t.table }).locator("tbody tr");

for (const locale of ["fr", "en"] as const satisfies Locale[]) {
  const t = T[locale];

  test(`broker portal journey (${locale})`, async ({ page, browser }) => {
    test.setTimeout(240_000);
    await registerBroker(page, locale);

    // --- An empty list invites to invite -----------------------------------------------------
    await page.goto(`/${locale}${CLIENTS}`);
    await expect(page.getByRole("heading", { name: t.emptyTitle })).toBeVisible();
    await expectNoAxeViolations(page, `/${locale} clients (empty)`);
    await shot(page, `${locale}-clients-empty`);

    // --- The invite form: checked before sending, previewed while typing ---------------------
    await page.getByRole("main").getByRole("link", { name: t.invite }).first().click();
    await expect(page).toHaveURL(`/${locale}${CLIENTS}/inviter`);
    await page.getByRole("button", { name: t.submit }).click();
    const prenom = page.getByRole("textbox", { name: t.prenom, exact: true });
    await expect(prenom).toHaveAttribute("aria-invalid", "true");
    await expect(prenom).toBeFocused();
    await expect(page.getByText(t.required).first()).toBeVisible();
    await expectNoAxeViolations(page, `/${locale} invite with errors`);

    const sophie = { prenom: "Sophie", nom: "Tremblay", email: uniqueEmail(`${locale}-sophie`) };
    await fillInvite(page, t, sophie);
    await page.getByRole("textbox", { name: t.telephone }).fill("514-555-0142");
    const types = page.getByRole("group", { name: t.projectTypes });
    // The radio itself is visually hidden inside its tile: people click the tile.
    await types.getByText(t.vente, { exact: true }).click();
    await expect(types.getByRole("radio", { name: t.vente })).toBeChecked();
    await page.getByRole("checkbox", { name: t.calendrier }).uncheck();
    await page
      .getByRole("textbox", { name: t.message })
      .fill("Au plaisir de travailler avec vous!");
    await page.getByRole("combobox", { name: t.language }).selectOption(locale);
    const preview = page.getByRole("region", { name: t.preview });
    await expect(preview).toContainText("Au plaisir de travailler avec vous!");
    await expect(preview).toContainText(sophie.email);
    await shot(page, `${locale}-invite-filled`);
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.getByRole("heading", { name: t.sent })).toBeFocused();
    await expect(page.getByRole("main")).toContainText(sophie.email);
    await expectNoAxeViolations(page, `/${locale} invite sent`);
    await shot(page, `${locale}-invite-sent`);

    // A second client, then the first email again: refused at the email field.
    await page.getByRole("button", { name: t.another }).click();
    const jean = { prenom: "Jean", nom: "Côté", email: uniqueEmail(`${locale}-jean`) };
    await fillInvite(page, t, jean);
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.getByRole("heading", { name: t.sent })).toBeVisible();
    await page.getByRole("button", { name: t.another }).click();
    await fillInvite(page, t, { ...jean, email: sophie.email });
    await page.getByRole("button", { name: t.submit }).click();
    const email = page.getByRole("textbox", { name: t.email, exact: true });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(t.emailTaken)).toBeVisible();
    await expect(email).toHaveValue(sophie.email);
    await expectNoAxeViolations(page, `/${locale} invite EMAIL_TAKEN`);

    // --- The list: search, filters, clearing them ---------------------------------------------
    await page.goto(`/${locale}${CLIENTS}`);
    await expect(rowsOf(page, t)).toHaveCount(2);
    await expectNoAxeViolations(page, `/${locale} clients`);
    await shot(page, `${locale}-clients`);

    await page.getByRole("searchbox", { name: t.search }).fill("tremb");
    await page.getByRole("searchbox", { name: t.search }).press("Enter");
    await expect(page).toHaveURL(/q=tremb/);
    await expect(rowsOf(page, t)).toHaveCount(1);
    await expect(rowsOf(page, t).first()).toContainText("Sophie Tremblay");

    await page.getByRole("combobox", { name: t.typeProjet }).selectOption("vente");
    await expect(page).toHaveURL(/type_projet=vente/);
    await expect(rowsOf(page, t)).toHaveCount(1);

    // Export what is on screen: UTF-8 with a BOM (Excel fr-CA), Sophie but not Jean.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: t.export }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csv.toString("utf8");
    expect(csvText).toContain(sophie.email);
    expect(csvText).not.toContain(jean.email);

    await page.getByRole("combobox", { name: t.statut }).selectOption("actif");
    await expect(page.getByRole("heading", { name: t.noResults })).toBeVisible();
    await expectNoAxeViolations(page, `/${locale} clients (no results)`);
    await page.getByRole("link", { name: t.clearFilters }).click();
    await expect(rowsOf(page, t)).toHaveCount(2);

    // On a phone the table's rows become cards: no header row, each row as wide as the list.
    await page.setViewportSize({ width: 390, height: 844 });
    const table = page.getByRole("table", { name: t.table });
    await expect(table.getByRole("columnheader").first()).toBeHidden();
    await expect(rowsOf(page, t)).toHaveCount(2);
    const card = await rowsOf(page, t).first().boundingBox();
    expect(card!.width).toBeGreaterThan(300);
    expect(card!.height).toBeGreaterThan(200);
    await expectNoAxeViolations(page, `/${locale} clients on a phone`);
    await shot(page, `${locale}-clients-phone`);
    await page.setViewportSize({ width: 1280, height: 900 });

    // --- The client's file ---------------------------------------------------------------------
    await page.getByRole("link", { name: t.details("Sophie Tremblay") }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sophie Tremblay" })).toBeVisible();
    const workspaceUrl = page.url();
    await expectNoAxeViolations(page, `/${locale} client file`);

    // An access flag, saved at once.
    const calendar = page.getByRole("switch", { name: t.calendrier });
    await expect(calendar).toHaveAttribute("aria-checked", "false");
    await calendar.click();
    await expectToast(page, t.accessOn);
    await expect(calendar).toHaveAttribute("aria-checked", "true");

    // The transaction: property, price (typed the local way), progression and its statut.
    await page.getByRole("textbox", { name: t.adresse }).fill("1234, rue Saint-Denis");
    await page.getByRole("textbox", { name: t.ville }).fill("Montréal");
    await page
      .getByRole("textbox", { name: t.prixOffert })
      .fill(locale === "fr" ? "450 000" : "450000");
    await expect(page.getByText(t.amount)).toBeVisible();
    await page.getByRole("button", { name: t.saveTransaction }).click();
    await expectToast(page, t.transactionSaved);
    await page.getByRole("spinbutton", { name: t.progressionField }).fill("45");
    await expect(page.getByText(t.inspection).first()).toBeVisible();
    await page.getByRole("button", { name: t.saveProgression }).click();
    await expectToast(page, t.progressionSaved);

    // Étapes: add one in a dialog, then move it up.
    await page.getByRole("button", { name: t.addEtape }).click();
    const dialog = page.getByRole("dialog", { name: t.newEtape });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, `/${locale} étape dialog`, { modalOpen: true });
    await dialog.getByRole("textbox", { name: t.titre }).fill(t.etapeTitle);
    await dialog.getByLabel(t.date).fill("2026-12-15");
    await dialog.getByLabel(t.heure).fill("10:30");
    await dialog.getByRole("button", { name: t.save, exact: true }).click();
    await expectToast(page, t.etapeAdded);
    await expect(dialog).toBeHidden();
    const etapes = page.getByRole("main").locator("ol > li");
    await expect(etapes.last()).toContainText(t.etapeTitle);
    await page.getByRole("button", { name: t.moveUp(t.etapeTitle) }).click();
    await expectToast(page, t.moved);
    await expect(etapes.nth(-2)).toContainText(t.etapeTitle);
    await shot(page, `${locale}-workspace-etapes`);

    // Documents: a real PDF with a progress bar, listed as new for the client.
    await page
      .getByRole("navigation", { name: locale === "fr" ? "Sections du dossier" : "File sections" })
      .getByRole("link", { name: t.tabs.documents })
      .click();
    await expect(page).toHaveURL(/onglet=documents/);
    await page.locator("input[type=file]").setInputFiles({
      name: "offre-achat.pdf",
      mimeType: "application/pdf",
      buffer: makePdf("Promesse d'achat - Sophie Tremblay"),
    });
    await page.getByRole("combobox", { name: t.categorie }).selectOption("offre");
    await page.getByRole("button", { name: t.upload }).click();
    await expectToast(page, t.uploaded);
    const documentRow = page
      .getByRole("list", { name: t.documentsList })
      .getByRole("listitem")
      .filter({ hasText: "offre-achat.pdf" });
    await expect(documentRow).toContainText(t.offre);
    await expect(documentRow).toContainText(t.newDoc);
    await expectNoAxeViolations(page, `/${locale} client file, documents`);
    await shot(page, `${locale}-workspace-documents`);

    // Tâches: one due yesterday shows as late, then gets done.
    await page.getByRole("link", { name: t.tabs.taches }).click();
    await expect(page).toHaveURL(/onglet=taches/);
    await page.getByRole("button", { name: t.newTask }).click();
    const taskDialog = page.getByRole("dialog", { name: t.newTask });
    await taskDialog.getByRole("textbox", { name: t.titre }).fill(t.taskTitle);
    await taskDialog.getByRole("combobox", { name: t.priorite }).selectOption("haute");
    await taskDialog.getByLabel(t.echeance).fill(yesterdayInQuebec());
    await taskDialog.getByRole("button", { name: t.save, exact: true }).click();
    await expectToast(page, t.taskAdded);
    const task = page
      .getByRole("list", { name: t.tasksList })
      .getByRole("listitem")
      .filter({ hasText: t.taskTitle });
    await expect(task).toContainText(t.late);
    await expectNoAxeViolations(page, `/${locale} client file, tâches`);
    await shot(page, `${locale}-workspace-taches`);
    await page.getByRole("checkbox", { name: t.taskTitle }).check();
    await expectToast(page, t.taskDone);
    await expect(page.getByRole("checkbox", { name: t.taskTitle })).toBeChecked();

    // Messages: Enter sends, Shift+Enter starts a new line.
    await page.getByRole("link", { name: t.tabs.messages }).click();
    await expect(page).toHaveURL(/onglet=messages/);
    const reply = page.getByRole("textbox", { name: t.reply });
    await reply.fill(t.messageText);
    await reply.press("Shift+Enter");
    await reply.pressSequentially("2");
    await reply.press("Enter");
    const thread = page.getByRole("log");
    await expect(thread).toContainText(t.messageText);
    await expect(reply).toHaveValue("");
    await expectNoAxeViolations(page, `/${locale} client file, messages`);
    await shot(page, `${locale}-workspace-messages`);

    // The file on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(workspaceUrl);
    await expectNoAxeViolations(page, `/${locale} client file on a phone`);
    await shot(page, `${locale}-workspace-phone`);
    await page.setViewportSize({ width: 1280, height: 900 });

    // --- Another broker cannot open this file -------------------------------------------------
    const clientPath = new URL(workspaceUrl).pathname;
    await expectNotFoundForAnotherBroker(browser, locale, clientPath, t.notFound);

    // An id that does not exist.
    await page.goto(`/${locale}${CLIENTS}/2147483647`);
    await expect(page.getByRole("heading", { level: 1, name: t.notFound })).toBeVisible();
    await expectNoAxeViolations(page, `/${locale} client not found`);
  });
}

async function expectNotFoundForAnotherBroker(
  browser: Browser,
  locale: Locale,
  path: string,
  title: string,
) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await context.newPage();
  await registerBroker(other, locale);
  await other.goto(path);
  await expect(other.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await shot(other, `${locale}-workspace-not-found`);
  await context.close();
}

/** A file with nothing a document sniffer recognises (random-looking bytes). */
const unknownBytes = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37 + 11) % 256));

test("the client file's other actions (fr)", async ({ page }) => {
  test.setTimeout(240_000);
  await registerBroker(page, "fr");
  await page.goto(`/fr${CLIENTS}/inviter`);
  const client = { prenom: "Julie", nom: "Lavoie", email: uniqueEmail("fr-julie") };
  await fillInvite(page, T.fr, client);
  await page.getByRole("button", { name: T.fr.submit }).click();
  await page.getByRole("link", { name: "Ouvrir le dossier de Julie Lavoie" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Julie Lavoie" })).toBeVisible();

  // Contact details can still be corrected before activation; the link can be sent again.
  await page.getByRole("button", { name: "Modifier les coordonnées" }).click();
  await page.getByRole("textbox", { name: "Téléphone" }).fill("418-555-0109");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expectToast(page, "Coordonnées enregistrées");
  await expect(page.getByText("418-555-0109").first()).toBeVisible();
  await page.getByRole("button", { name: "Renvoyer l’invitation" }).click();
  await expectToast(page, `Nouvelle invitation envoyée à ${client.email}`);

  // Étapes seeded for the project type: complete the first, rename it, delete it.
  const etapes = page
    .getByRole("list", { name: "Étapes de la transaction" })
    .locator(":scope > li");
  const count = await etapes.count();
  expect(count).toBeGreaterThan(1);
  const firstTitle = (await etapes.first().getByRole("heading").textContent())!;
  await page.getByRole("button", { name: `Marquer « ${firstTitle} » comme terminée` }).click();
  await expectToast(page, "Étape terminée");
  await expect(etapes.first()).toContainText("Terminée");
  await page.getByRole("button", { name: `Modifier « ${firstTitle} »` }).click();
  const edit = page.getByRole("dialog", { name: "Modifier l’étape" });
  await edit.getByRole("textbox", { name: "Titre" }).fill("Première rencontre");
  await edit.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expectToast(page, "Étape enregistrée");
  await expect(etapes.first()).toContainText("Première rencontre");
  await page.getByRole("button", { name: "Supprimer « Première rencontre »" }).click();
  const confirm = page.getByRole("dialog", { name: "Supprimer l’étape « Première rencontre »?" });
  await expectNoAxeViolations(page, "delete confirmation", { modalOpen: true });
  await confirm.getByRole("button", { name: "Supprimer", exact: true }).click();
  await expectToast(page, "Étape supprimée");
  await expect(etapes).toHaveCount(count - 1);

  // Documents: an unknown file type is explained; a text file is shared, downloaded, deleted.
  await page.getByRole("link", { name: "Documents" }).click();
  const file = page.locator("input[type=file]");
  await file.setInputFiles({
    name: "inconnu.bin",
    mimeType: "application/octet-stream",
    buffer: unknownBytes,
  });
  await page.getByRole("button", { name: "Téléverser" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Ce type de fichier n’est pas accepté" }),
  ).toBeVisible();
  await file.setInputFiles({
    name: "liste-documents.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Talons de paie\nLettre d’emploi\n", "utf8"),
  });
  await page.getByRole("button", { name: "Téléverser" }).click();
  await expectToast(page, "Document « liste-documents.txt » partagé avec le client");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Télécharger « liste-documents.txt »" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("liste-documents.txt");
  expect(readFileSync((await download.path())!, "utf8")).toContain("Lettre d’emploi");
  await page.getByRole("button", { name: "Supprimer « liste-documents.txt »" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Supprimer", exact: true }).click();
  await expectToast(page, "Document supprimé");
  await expect(
    page.getByText("Aucun document partagé pour l’instant.", { exact: false }),
  ).toBeVisible();

  // Tâches: edit and delete.
  await page.getByRole("link", { name: "Tâches" }).click();
  await page.getByRole("button", { name: "Nouvelle tâche" }).click();
  const create = page.getByRole("dialog", { name: "Nouvelle tâche" });
  await create.getByRole("textbox", { name: "Titre" }).fill("Signer la procuration");
  await create.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expectToast(page, "Tâche ajoutée");
  await page.getByRole("button", { name: "Modifier « Signer la procuration »" }).click();
  const editTask = page.getByRole("dialog", { name: "Modifier la tâche" });
  await editTask.getByRole("textbox", { name: "Catégorie" }).fill("Notaire");
  await editTask.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expectToast(page, "Tâche enregistrée");
  await expect(page.getByRole("list", { name: "Tâches du client" })).toContainText("Notaire");
  await page.getByRole("button", { name: "Supprimer « Signer la procuration »" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Supprimer", exact: true }).click();
  await expectToast(page, "Tâche supprimée");

  // The transaction: cancelled after confirmation, then reopened.
  await page.getByRole("button", { name: "Annuler la transaction" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: "Oui, annuler la transaction" })
    .click();
  await expectToast(page, "Transaction annulée");
  await expect(page.getByText("Cette transaction est annulée.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, "cancelled transaction");
  await page.getByRole("button", { name: "Rouvrir la transaction" }).click();
  await expectToast(page, "Transaction rouverte");
  await expect(page.getByRole("button", { name: "Enregistrer la progression" })).toBeVisible();
});
