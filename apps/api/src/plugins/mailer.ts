import type { Locale } from "@portail/shared";
import fp from "fastify-plugin";
import type { Db } from "../db/client.ts";
import { enqueueEmail } from "../mail/outbox.ts";
import type { TemplateData, TemplateName } from "../mail/templates.ts";
import { createMailTransport, type MailTransport } from "../mail/transport.ts";
import { createOutboxWorker, type OutboxWorker } from "../mail/worker.ts";

export interface Mailer {
  /** Queues an email; pass the transaction's `db` so it commits with the change that caused it. */
  enqueue<T extends TemplateName>(
    db: Db,
    email: { template: T; locale: Locale; to: string; data: TemplateData<T> },
  ): Promise<number>;
  worker: OutboxWorker;
  transport: MailTransport;
}

declare module "fastify" {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

export default fp(
  async (app) => {
    const transport = createMailTransport(app.config);
    const worker = createOutboxWorker({
      db: app.db,
      transport,
      log: app.log.child({ component: "mail-worker" }),
      pollMs: app.config.mail.pollMs,
      maxAttempts: app.config.mail.maxAttempts,
    });
    app.decorate("mailer", { enqueue: enqueueEmail, worker, transport });

    if (app.config.mail.worker) app.addHook("onReady", async () => worker.start());
    app.addHook("onClose", async () => {
      await worker.stop();
      transport.close();
    });
  },
  { name: "mailer", dependencies: ["database", "config"] },
);
