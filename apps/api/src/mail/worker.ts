import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../db/client.ts";
import { claimDueEmails, markFailed, markSent } from "./outbox.ts";
import type { MailTransport } from "./transport.ts";

const LINK = /https?:\/\/[^\s<>"]+/g;

export interface OutboxWorkerOptions {
  db: Db;
  transport: MailTransport;
  log: FastifyBaseLogger;
  pollMs: number;
  maxAttempts: number;
  batchSize?: number;
}

export interface OutboxWorker {
  /** Sends every email due now; returns how many were sent. */
  drain(): Promise<number>;
  start(): void;
  /** Stops polling and waits for the batch in flight. */
  stop(): Promise<void>;
}

export function createOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const batchSize = opts.batchSize ?? 10;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function runBatch(): Promise<{ sent: number; claimed: number }> {
    const rows = await claimDueEmails(opts.db, batchSize);
    let sent = 0;
    for (const row of rows) {
      try {
        const result = await opts.transport.send({
          id: row.id,
          to: row.to_address,
          subject: row.subject,
          html: row.html,
          text: row.text,
        });
        await markSent(opts.db, row.id, result.messageId);
        sent += 1;
        if (result.file) {
          opts.log.info(
            {
              emailId: row.id,
              to: row.to_address,
              file: result.file,
              links: row.text.match(LINK) ?? [],
            },
            "email written to disk (no MAIL_SERVER configured)",
          );
        } else {
          opts.log.info({ emailId: row.id, messageId: result.messageId }, "email sent");
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        opts.log.warn(
          { emailId: row.id, attempts: row.attempts, err: message },
          "email send failed",
        );
        await markFailed(opts.db, row.id, row.attempts, opts.maxAttempts, message);
      }
    }
    return { sent, claimed: rows.length };
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const { sent, claimed } = await runBatch();
      total += sent;
      if (claimed < batchSize || stopped) return total;
    }
  }

  function drain(): Promise<number> {
    // One pass at a time per process; callers share the pass in flight.
    if (!running) running = drainOnce().finally(() => (running = undefined));
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(async () => {
      try {
        await drain();
      } catch (error) {
        opts.log.error({ err: error }, "email outbox poll failed");
      }
      schedule();
    }, opts.pollMs);
    timer.unref();
  }

  return {
    drain,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
