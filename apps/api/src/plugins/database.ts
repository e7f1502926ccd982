import fp from "fastify-plugin";
import type { Database } from "../db/client.ts";

/** Exposes the database; the app closes it only when it opened it itself. */
export default fp(
  async (app, opts: { database: Database; owned: boolean }) => {
    app.decorate("database", opts.database);
    app.decorate("db", opts.database.db);
    if (opts.owned) app.addHook("onClose", () => opts.database.close());
  },
  { name: "database" },
);
