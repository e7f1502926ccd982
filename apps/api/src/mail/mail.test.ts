import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig, useTestApp } from "../../test/context.ts";
import { createBroker, uniqueEmail } from "../../test/factories.ts";
import { startSmtpServer } from "../../test/smtp.ts";
import { type App, buildApp } from "../app.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { email_outbox } from "../db/schema.ts";
import { createMailTransport } from "./transport.ts";
import { createOutboxWorker } from "./worker.ts";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});

const smtpSettings = () => ({
  MAIL_SERVER: "127.0.0.1",
  MAIL_PORT: String(smtp.port),
  MAIL_FROM: "Portail ImmoAssist <portail@example.com>",
  RATE_LIMIT_AUTH_PER_IP: "10000",
});
const ctx = useTestApp(smtpSettings);

const received = (to: string) => smtp.received.filter((mail) => mail.to.includes(to));

async function requestReset(app: App, email: string) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/password-reset/request",
    payload: { email },
  });
  expect(response.statusCode).toBe(202);
}

async function outboxRow(to: string) {
  const [row] = await ctx.database.db
    .select({
      id: email_outbox.id,
      status: email_outbox.status,
      attempts: email_outbox.attempts,
      last_error: email_outbox.last_error,
      message_id: email_outbox.message_id,
      due_later: sql<boolean>`${email_outbox.next_attempt_at} > now()`,
    })
    .from(email_outbox)
    .where(eq(email_outbox.to_address, to));
  return row!;
}

/** What the outbox would do once the backoff has passed, without waiting for it. */
async function makeDue(id: number) {
  await ctx.database.db
    .update(email_outbox)
    .set({ next_attempt_at: sql`now()` })
    .where(eq(email_outbox.id, id));
}

const queue = (to: string) =>
  ctx.app.mailer.enqueue(ctx.database.db, {
    template: "password_reset",
    locale: "fr",
    to,
    data: {
      first_name: "Anne",
      link: "http://localhost:3000/fr/reset-password/abc",
      ttl_minutes: 60,
    },
  });

/** Another app (a replica) on the same database, closed after the test. */
async function withReplica<T>(
  overrides: Record<string, string>,
  fn: (app: App) => Promise<T>,
  database: Database = ctx.database,
): Promise<T> {
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, logger: false });
  try {
    await app.ready();
    return await fn(app);
  } finally {
    await app.close();
    await rm(config.dataDir, { recursive: true, force: true });
  }
}

describe("password reset email over SMTP", () => {
  it("reaches a French user in French, with a link that resets the password", async () => {
    const broker = await createBroker(ctx, { locale: "fr", first_name: "Geneviève" });
    await requestReset(ctx.app, broker.user.email);
    expect(await ctx.app.mailer.worker.drain()).toBe(1);

    const [mail, ...more] = received(broker.user.email);
    expect(more).toHaveLength(0);
    const { parsed } = mail!;
    expect(parsed.subject).toBe("Réinitialisation de votre mot de passe");
    expect(parsed.from?.value[0]?.address).toBe("portail@example.com");
    const text = parsed.text ?? "";
    const html = typeof parsed.html === "string" ? parsed.html : "";
    expect(text).toContain("Bonjour Geneviève,");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Bonjour Geneviève,");

    const link = /https?:\/\/\S+\/fr\/reset-password\/([A-Za-z0-9_-]+)/.exec(text);
    expect(link, text).not.toBeNull();
    expect(link![0].startsWith(`${ctx.config.frontendUrl}/fr/reset-password/`)).toBe(true);
    expect(html).toContain(`href="${link![0]}"`);

    const row = await outboxRow(broker.user.email);
    expect(row).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect(row.message_id).toBeTruthy();

    const confirm = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset/confirm",
      payload: { token: link![1], password: "une phrase reçue par courriel" },
    });
    expect(confirm.statusCode).toBe(200);
  });

  it("reaches an English user in English", async () => {
    const broker = await createBroker(ctx, { locale: "en", first_name: "Oliver" });
    await requestReset(ctx.app, broker.user.email);
    await ctx.app.mailer.worker.drain();

    const [mail] = received(broker.user.email);
    expect(mail?.parsed.subject).toBe("Reset your password");
    expect(mail?.parsed.text).toContain("Hello Oliver,");
    expect(mail?.parsed.text).toContain(`${ctx.config.frontendUrl}/en/reset-password/`);
    expect(mail?.parsed.html).toContain('<html lang="en">');
    expect(mail?.parsed.html).toContain(`${ctx.config.frontendUrl}/en/reset-password/`);
  });

  it("escapes a hostile first name in the HTML part", async () => {
    const name = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const broker = await createBroker(ctx, { first_name: name });
    await requestReset(ctx.app, broker.user.email);
    await ctx.app.mailer.worker.drain();

    const [mail] = received(broker.user.email);
    const html = mail?.parsed.html;
    expect(typeof html).toBe("string");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img");
    // The text part is plain text: the name reads as typed.
    expect(mail?.parsed.text).toContain(`Bonjour ${name},`);
  });
});

describe("outbox delivery", () => {
  it("keeps the email through an SMTP outage and sends it once the server is back", async () => {
    const to = uniqueEmail("panne");
    const id = await queue(to);
    smtp.down();
    try {
      expect(await ctx.app.mailer.worker.drain()).toBe(0);
    } finally {
      smtp.up();
    }
    expect(received(to)).toHaveLength(0);
    const failed = await outboxRow(to);
    expect(failed).toMatchObject({ id, status: "pending", attempts: 1, due_later: true });
    expect(failed.last_error).toBeTruthy();

    // Not due yet: a drain now leaves it alone.
    expect(await ctx.app.mailer.worker.drain()).toBe(0);
    expect((await outboxRow(to)).attempts).toBe(1);

    await makeDue(id);
    expect(await ctx.app.mailer.worker.drain()).toBe(1);
    expect(await ctx.app.mailer.worker.drain()).toBe(0);
    expect(received(to)).toHaveLength(1);
    expect(await outboxRow(to)).toMatchObject({ status: "sent", attempts: 2, last_error: null });
  });

  it("gives up after MAIL_MAX_ATTEMPTS failures and marks the email failed", async () => {
    const to = uniqueEmail("abandon");
    const id = await queue(to);
    await withReplica({ ...smtpSettings(), MAIL_MAX_ATTEMPTS: "2" }, async (app) => {
      smtp.down();
      try {
        await app.mailer.worker.drain();
        expect(await outboxRow(to)).toMatchObject({ status: "pending", attempts: 1 });
        await makeDue(id);
        await app.mailer.worker.drain();
      } finally {
        smtp.up();
      }
      expect(await outboxRow(to)).toMatchObject({ status: "failed", attempts: 2 });
      // Failed is final: even when due and the server is up, it is not retried.
      await makeDue(id);
      expect(await app.mailer.worker.drain()).toBe(0);
    });
    expect(received(to)).toHaveLength(0);
    expect((await outboxRow(to)).last_error).toBeTruthy();
  });

  it("leaves an email claimed by a live worker alone, and takes it over once the claim lapses", async () => {
    const to = uniqueEmail("reprise");
    const id = await queue(to);
    // Another replica claimed it (and may be sending it right now).
    await ctx.database.db
      .update(email_outbox)
      .set({ status: "sending", attempts: 1, locked_until: sql`now() + interval '2 minutes'` })
      .where(eq(email_outbox.id, id));
    expect(await ctx.app.mailer.worker.drain()).toBe(0);
    expect(received(to)).toHaveLength(0);

    // That replica died: its claim lapses and the email goes out, once.
    await ctx.database.db
      .update(email_outbox)
      .set({ locked_until: sql`now() - interval '1 second'` })
      .where(eq(email_outbox.id, id));
    expect(await ctx.app.mailer.worker.drain()).toBe(1);
    expect(received(to)).toHaveLength(1);
    expect(await outboxRow(to)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("sends each email exactly once when two workers drain the same outbox at once", async () => {
    const N = 24;
    const recipients = Array.from({ length: N }, (_, i) => uniqueEmail(`lot${i}`));
    for (const to of recipients) await queue(to);

    // On PostgreSQL each worker has its own connection pool, like two API replicas;
    // PGlite has a single connection, so there the two workers interleave on it.
    const second: Database = ctx.database.url
      ? openDatabase({ databaseUrl: ctx.database.url, dataDir: "", poolMax: 3 })
      : ctx.database;
    const transports = [createMailTransport(ctx.config), createMailTransport(ctx.config)];
    const workers = [ctx.database, second].map((database, i) =>
      createOutboxWorker({
        db: database.db,
        transport: transports[i]!,
        log: ctx.app.log,
        pollMs: 60_000,
        maxAttempts: 8,
        // Small batches make the workers claim many times, racing for the same rows.
        batchSize: 2,
      }),
    );
    try {
      const sent = await Promise.all(workers.map((worker) => worker.drain()));
      // A worker that found only locked rows may stop early; a last pass must find nothing left.
      const rest = await workers[0]!.drain();
      expect(sent.reduce((a, b) => a + b, 0) + rest).toBe(N);
    } finally {
      for (const transport of transports) transport.close();
      if (second !== ctx.database) await second.close();
    }

    for (const to of recipients) expect(received(to), to).toHaveLength(1);
    const rows = await ctx.database.db
      .select({ status: email_outbox.status, attempts: email_outbox.attempts })
      .from(email_outbox)
      .where(inArray(email_outbox.to_address, recipients));
    expect(rows).toHaveLength(N);
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });
});

describe("without MAIL_SERVER", () => {
  it("writes each email as an .eml file under DATA_DIR/mail/ with its link", async () => {
    const broker = await createBroker(ctx);
    await withReplica({ RATE_LIMIT_AUTH_PER_IP: "10000" }, async (app) => {
      expect(app.mailer.transport.kind).toBe("file");
      await requestReset(app, broker.user.email);
      expect(await app.mailer.worker.drain()).toBe(1);

      const dir = path.join(app.config.dataDir, "mail");
      const files = (await readdir(dir)).filter((file) => file.endsWith(".eml"));
      expect(files).toHaveLength(1);
      const parsed = await simpleParser(await readFile(path.join(dir, files[0]!)));
      expect(parsed.to && "value" in parsed.to ? parsed.to.value[0]?.address : undefined).toBe(
        broker.user.email,
      );
      expect(parsed.subject).toBe("Réinitialisation de votre mot de passe");
      expect(parsed.text).toMatch(
        new RegExp(`${app.config.frontendUrl}/fr/reset-password/[A-Za-z0-9_-]+`),
      );
    });
    expect(received(broker.user.email)).toHaveLength(0);
    expect((await outboxRow(broker.user.email)).status).toBe("sent");
  });
});
