import fp from "fastify-plugin";
import { createStorage, type Storage } from "../storage/index.ts";

declare module "fastify" {
  interface FastifyInstance {
    storage: Storage;
  }
}

const DAY_MS = 86_400_000;

/**
 * File storage for uploaded documents (`app.storage`): S3-compatible when S3_BUCKET is set,
 * local disk under DATA_DIR/files otherwise. Tests may pass their own driver.
 */
export default fp(
  async (app, opts: { storage?: Storage }) => {
    const storage = opts.storage ?? createStorage(app.config);
    app.decorate("storage", storage);

    const { sweepTemp } = storage;
    if (sweepTemp) {
      // Leftovers of uploads cut by a crash; a day old so a slow upload in progress is kept.
      app.addHook("onReady", async () => {
        const removed = await sweepTemp.call(storage, DAY_MS).catch((err: unknown) => {
          app.log.warn({ err }, "could not sweep temporary upload files");
          return 0;
        });
        if (removed > 0) app.log.info({ removed }, "removed stale temporary upload files");
      });
    }
    if (!opts.storage) app.addHook("onClose", async () => storage.close?.());
  },
  { name: "storage", dependencies: ["config"] },
);
