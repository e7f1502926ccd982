// `npm run bench:seed [-- --size small|large|small,large]`: (re)creates portail_bench_<size> on
// the PostgreSQL server of DATABASE_URL, applies the API's migrations, and fills it with
// set-based SQL (INSERT … SELECT over generate_series), one statement per table.

import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import { openDatabase } from "../../apps/api/src/db/client.ts";
import { demoPdf, demoPng } from "../../apps/api/src/db/demo-files.ts";
import { searchText } from "../../apps/api/src/lib/search.ts";
import { hashPassword } from "../../apps/api/src/modules/auth/passwords.ts";
import { createLocalStorage } from "../../apps/api/src/storage/local.ts";
import {
  BENCH_PASSWORD,
  databaseUrlOf,
  dataDirOf,
  PER_TRANSACTION,
  parseSizes,
  rowCounts,
  SIZES,
  type Size,
  seconds,
  serverUrl,
  TABLES,
  withClient,
} from "./common.ts";
import * as words from "./seed-data.ts";

/** A few real files; every document row's key is a hard link to one of them (downloads work). */
interface SourceFile {
  i: number;
  type: "pdf" | "image";
  mime: string;
  ext: string;
  size: number;
  sha256: string;
  file: string;
}

async function storeSources(filesRoot: string): Promise<SourceFile[]> {
  const storage = createLocalStorage(filesRoot);
  const bodies = [
    {
      type: "pdf",
      mime: "application/pdf",
      ext: "pdf",
      bytes: demoPdf(["Portail ImmoAssist", "Document de test (1)"]),
    },
    { type: "image", mime: "image/png", ext: "png", bytes: demoPng(160, 120) },
    {
      type: "pdf",
      mime: "application/pdf",
      ext: "pdf",
      bytes: demoPdf(["Portail ImmoAssist", "Document de test (2)"]),
    },
    { type: "image", mime: "image/png", ext: "png", bytes: demoPng(200, 150) },
  ] as const;
  const sources: SourceFile[] = [];
  for (const [i, body] of bodies.entries()) {
    const key = `bench-sources/${i}.${body.ext}`;
    const { size } = await storage.put(key, Readable.from([body.bytes]), {
      contentType: body.mime,
    });
    sources.push({
      i,
      type: body.type,
      mime: body.mime,
      ext: body.ext,
      size,
      sha256: createHash("sha256").update(body.bytes).digest("hex"),
      file: path.join(filesRoot, key),
    });
  }
  return sources;
}

/** ext4 allows 65 000 links per file; past that (or across devices) a copy is made instead. */
function linkDocuments(
  filesRoot: string,
  rows: { storage_key: string; sha256: string }[],
  sources: SourceFile[],
) {
  const bySha = new Map(sources.map((s) => [s.sha256, s.file]));
  const made = new Set<string>();
  let copies = 0;
  for (const row of rows) {
    const target = path.join(filesRoot, ...row.storage_key.split("/"));
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const source = bySha.get(row.sha256)!;
    try {
      linkSync(source, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EMLINK" && code !== "EXDEV") throw error;
      copyFileSync(source, target);
      copies += 1;
    }
  }
  return copies;
}

const plain = (list: readonly string[]) => list.map((w) => searchText(w));

async function seedSize(size: Size) {
  const { brokers, clientsPerBroker } = SIZES[size];
  const clients = brokers * clientsPerBroker;
  const url = databaseUrlOf(size);
  const name = new URL(url).pathname.slice(1);
  const started = performance.now();
  const step = (label: string, since: number) =>
    console.log(`  ${label.padEnd(34)} ${seconds(performance.now() - since)}`);
  console.log(`Seeding ${name}: ${brokers} broker(s) × ${clientsPerBroker} clients`);

  let t = performance.now();
  await withClient(serverUrl().toString(), async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  });
  const database = openDatabase({ databaseUrl: url, dataDir: dataDirOf(size), poolMax: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  step("database created and migrated", t);

  t = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const filesRoot = path.join(dataDirOf(size), "files");
  rmSync(dataDirOf(size), { recursive: true, force: true });
  const sources = await storeSources(filesRoot);
  step("password hash and source files", t);

  // Two connections: messages (the big table) load while the other tables do.
  const main = await connect(url);
  const side = await connect(url);
  try {
    t = performance.now();
    await main.query(
      `insert into users (email, password_hash, first_name, last_name, telephone, role, locale,
         last_login_at, created_at, updated_at)
       select format('courtier%s@bench.example.com', b), $1,
         ($2::text[])[1 + b % cardinality($2::text[])], ($3::text[])[1 + (b * 7) % cardinality($3::text[])],
         format('514-555-%s', lpad((b % 10000)::text, 4, '0')), 'courtier', 'fr',
         now() - interval '1 day', now() - interval '3 years', now() - interval '3 years'
       from generate_series(1, $4::int) b`,
      [passwordHash, words.PRENOMS, words.NOMS, brokers],
    );
    // Client c belongs to broker (c - 1) / clientsPerBroker + 1; all are activated.
    await main.query(
      `with brokers as (
         select id, row_number() over (order by id) as b from users where role = 'courtier'),
       generated as (
         select c, (c - 1) / $1::int + 1 as b,
           1 + (c * 7) % cardinality($3::text[]) as pi, 1 + (c * 13) % cardinality($4::text[]) as ni,
           format('client%s@bench.example.com', c) as email,
           now() - ((c * 37) % 700 + 30) * interval '1 day' as invited
         from generate_series(1, $2::int) c)
       insert into client_invitations (courtier_id, prenom, nom, email, telephone, type_projet,
         statut, locale, date_invitation, date_activation, derniere_connexion, recherche,
         created_at, updated_at)
       select br.id, ($3::text[])[pi], ($4::text[])[ni], g.email,
         format('438-555-%s', lpad((c % 10000)::text, 4, '0')),
         (array['achat', 'vente', 'location'])[1 + c % 3], 'actif',
         case when c % 5 = 0 then 'en' else 'fr' end,
         invited, invited + interval '1 day', now() - (c % 72) * interval '1 hour',
         ($5::text[])[pi] || ' ' || ($6::text[])[ni] || ' ' || g.email, invited, invited
       from generated g join brokers br on br.b = g.b
       order by c`,
      [
        clientsPerBroker,
        clients,
        words.PRENOMS,
        words.NOMS,
        plain(words.PRENOMS),
        plain(words.NOMS),
      ],
    );
    await main.query(
      `insert into users (email, password_hash, first_name, last_name, telephone, role, locale,
         client_invitation_id, last_login_at, created_at, updated_at)
       select email, $1, prenom, nom, telephone, 'client', locale, id, derniere_connexion,
         date_activation, date_activation
       from client_invitations order by id`,
      [passwordHash],
    );
    // Progression 0-99 (every transaction still open), statut derived as the API does.
    await main.query(
      `insert into portail_transactions (client_invitation_id, courtier_id, type, statut,
         progression, date_debut, adresse, ville, prix_offert, prix_accepte, created_at, updated_at)
       select id, courtier_id, type_projet,
         case when p >= 80 then 'notaire' when p >= 60 then 'financement'
           when p >= 40 then 'inspection' when p >= 20 then 'offre' else 'recherche' end,
         p, (date_activation at time zone 'America/Toronto')::date,
         format('%s, rue %s', 100 + id % 9000, ($1::text[])[1 + id % cardinality($1::text[])]),
         ($2::text[])[1 + id % cardinality($2::text[])],
         case when p >= 20 then 300000 + (id % 500) * 1000 end,
         case when p >= 40 then 295000 + (id % 500) * 1000 end,
         date_activation, date_activation
       from (select *, (id * 37) % 100 as p from client_invitations) ci
       order by id`,
      [words.RUES, words.VILLES],
    );
    step(`users, invitations, transactions`, t);

    t = performance.now();
    const messages = timed(
      "messages",
      side.query(
        // Inserted in date order, as a live thread table fills: one transaction's messages are
        // spread over the table, not packed together (which would flatter the benchmarks).
        `insert into transaction_messages (transaction_id, expediteur_id, message, date_envoi, lu, lu_at)
         select t.id, case when g % 2 = 0 then t.courtier_id else u.id end,
           ($1::text[])[1 + (t.id + g) % cardinality($1::text[])], d, g <= $2::int - 4,
           case when g <= $2::int - 4 then d + interval '1 hour' end
         from portail_transactions t
         join users u on u.client_invitation_id = t.client_invitation_id
         cross join generate_series(1, $2::int) g
         cross join lateral (
           select t.created_at + (now() - interval '1 hour' - t.created_at) * (g::float8 / $2::int) as d) x
         order by d`,
        [words.MESSAGES, PER_TRANSACTION.messages],
      ),
    );
    const others = (async () => {
      await timed(
        "étapes",
        main.query(
          `insert into transaction_etapes (transaction_id, titre, description, ordre, statut,
             date_planifiee, heure_planifiee, date_completion, created_at, updated_at)
           select t.id, ($1::text[])[g], ($2::text[])[g], g,
             case when g <= done then 'complete' when g = done + 1 then 'en_cours'
               when g = done + 2 then 'planifie' else 'a_planifier' end,
             case when g <= done + 2 then current_date + (g - done - 1) * 7 end,
             case when g = done + 2 then time '10:00' end,
             case when g <= done then now() - (done - g + 1) * interval '7 days' end,
             t.created_at, t.created_at
           from (select *, progression * $3::int / 100 as done from portail_transactions) t
           cross join generate_series(1, $3::int) g
           order by t.id, g`,
          [words.ETAPES.map((e) => e[0]), words.ETAPES.map((e) => e[1]), PER_TRANSACTION.etapes],
        ),
      );
      await timed(
        "documents",
        main.query(
          `insert into transaction_documents (transaction_id, nom, type, categorie, taille,
             mime_type, storage_key, sha256, partage_par_id, date_partage, nouveau, created_at)
           select t.id, format('%s %s.%s', ($2::text[])[1 + (t.id + g) % cardinality($2::text[])], g, s.ext),
             s.type, ($3::text[])[1 + g % cardinality($3::text[])], s.size, s.mime,
             format('bench/%s/%s-%s.%s', t.id % 256, t.id, g, s.ext), s.sha256, t.courtier_id,
             d, g > $4::int - 3, d
           from portail_transactions t
           cross join generate_series(1, $4::int) g
           join json_to_recordset($1::json) as s(i int, type text, mime text, ext text, size bigint, sha256 text)
             on s.i = (t.id + g) % 4
           cross join lateral (
             select t.created_at + (now() - t.created_at) * (g::float8 / ($4::int + 1)) as d) x
           order by d`,
          [
            JSON.stringify(sources),
            words.DOCUMENT_TITLES,
            words.DOCUMENT_CATEGORIES,
            PER_TRANSACTION.documents,
          ],
        ),
      );
      await timed(
        "tâches",
        main.query(
          `insert into transaction_taches (transaction_id, titre, description, priorite, categorie,
             echeance, completee, date_completion, cree_par_id, date_creation, updated_at)
           select t.id, ($1::text[])[1 + (g - 1) % cardinality($1::text[])],
             case when g % 3 = 0 then 'Voir les détails dans vos documents.' end,
             (array['haute', 'moyenne', 'basse'])[1 + g % 3],
             ($2::text[])[1 + g % cardinality($2::text[])],
             current_date + (g - 9) * 4, g <= 6, case when g <= 6 then d + interval '2 days' end,
             t.courtier_id, d, d
           from portail_transactions t
           cross join generate_series(1, $3::int) g
           cross join lateral (
             select t.created_at + (now() - t.created_at) * (g::float8 / ($3::int + 1)) as d) x
           order by d`,
          [words.TACHES, words.TACHE_CATEGORIES, PER_TRANSACTION.taches],
        ),
      );
    })();
    await Promise.all([messages, others]);
    step("étapes, documents, messages, tâches", t);

    t = performance.now();
    const { rows } = await main.query<{ storage_key: string; sha256: string }>(
      "select storage_key, sha256 from transaction_documents",
    );
    const copies = linkDocuments(filesRoot, rows, sources);
    step(`${rows.length} document files linked${copies ? ` (${copies} copies)` : ""}`, t);

    // VACUUM as well: a long-lived table has its visibility map set by autovacuum, which
    // index-only scans rely on; a freshly loaded one does not.
    t = performance.now();
    await Promise.all([
      main.query("vacuum (analyze) transaction_messages"),
      (async () => {
        for (const table of TABLES.filter((x) => x !== "transaction_messages")) {
          await side.query(`vacuum (analyze) ${table}`);
        }
      })(),
    ]);
    step("vacuum analyze", t);

    const counts = await rowCounts(main);
    const total = performance.now() - started;
    console.log(`  ${name} ready in ${seconds(total)}`);
    for (const [table, count] of Object.entries(counts)) {
      console.log(`    ${table.padEnd(22)} ${Number(count).toLocaleString("en-CA").padStart(10)}`);
    }
    const { rows: sizeRows } = await main.query<{ size: string }>(
      "select pg_size_pretty(pg_database_size(current_database())) as size",
    );
    console.log(`    ${"database size".padEnd(22)} ${sizeRows[0]!.size.padStart(10)}`);
  } finally {
    await main.end();
    await side.end();
  }
}

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A generated database: losing the last commits on a crash is fine; sorts stay in memory.
  await client.query(
    "set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '256MB'",
  );
  return client;
}

async function timed<T>(label: string, work: Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work;
  console.log(`    ${label.padEnd(32)} ${seconds(performance.now() - started)}`);
  return result;
}

const sizes = parseSizes(process.argv.slice(2));
for (const size of sizes) await seedSize(size);
