import type { Locale } from "@portail/shared";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client.ts";
import { email_outbox } from "../db/schema.ts";
import { type TemplateData, type TemplateName, templates } from "./templates.ts";

type Row = typeof email_outbox.$inferSelect;

/**
 * Renders and queues an email in the caller's transaction: the email exists exactly when
 * the change that caused it was committed.
 */
export async function enqueueEmail<T extends TemplateName>(
  db: Db,
  email: { template: T; locale: Locale; to: string; data: TemplateData<T> },
): Promise<number> {
  const render = templates[email.template] as (
    locale: Locale,
    data: TemplateData<T>,
  ) => ReturnType<(typeof templates)[T]>;
  const rendered = render(email.locale, email.data);
  const [row] = await db
    .insert(email_outbox)
    .values({
      template: email.template,
      locale: email.locale,
      to_address: email.to,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
    })
    .returning({ id: email_outbox.id });
  return row!.id;
}

const CLAIM_LEASE = "2 minutes";

/**
 * Claims due emails in one statement. SKIP LOCKED lets several API replicas poll the same
 * table without ever claiming the same row; a claim whose worker died expires after the lease.
 */
export async function claimDueEmails(db: Db, batchSize: number): Promise<Row[]> {
  const result = await db.execute(sql`
    update ${email_outbox}
       set status = 'sending',
           attempts = attempts + 1,
           locked_until = now() + ${CLAIM_LEASE}::interval,
           updated_at = now()
     where id in (
       select id from ${email_outbox}
        where (status = 'pending' and next_attempt_at <= now())
           or (status = 'sending' and locked_until < now())
        order by id
        limit ${batchSize}
        for update skip locked
     )
     returning id, to_address, subject, html, text, attempts`);
  return rowsOf<Row>(result);
}

export async function markSent(db: Db, id: number, messageId: string) {
  await db.execute(sql`
    update ${email_outbox}
       set status = 'sent', sent_at = now(), message_id = ${messageId},
           locked_until = null, last_error = null, updated_at = now()
     where id = ${id}`);
}

/** Exponential backoff: 30 s, 1 min, 2 min ... with ±20 % jitter, never more than one hour. */
export function backoffSeconds(attempts: number): number {
  const base = Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
  return Math.min(Math.round(base * (0.8 + Math.random() * 0.4)), 3600);
}

export async function markFailed(
  db: Db,
  id: number,
  attempts: number,
  maxAttempts: number,
  error: string,
) {
  const giveUp = attempts >= maxAttempts;
  await db.execute(sql`
    update ${email_outbox}
       set status = ${giveUp ? "failed" : "pending"},
           next_attempt_at = now() + ${`${backoffSeconds(attempts)} seconds`}::interval,
           locked_until = null,
           last_error = ${error.slice(0, 1000)},
           updated_at = now()
     where id = ${id}`);
}
