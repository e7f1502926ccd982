// `npm run db:seed`: applies migrations, then creates the demo data (idempotent).
import { loadConfig } from "../config.ts";
import { exitOnConfigError } from "../lib/exit.ts";
import { createStorage } from "../storage/index.ts";
import { openDatabase } from "./client.ts";
import { seed } from "./seed.ts";

const config = exitOnConfigError(() => loadConfig());
const database = openDatabase(config);
// The same storage the API uses (DATA_DIR/files, or S3 when S3_BUCKET is set).
const storage = createStorage(config);
try {
  await database.migrate();
  await seed({
    db: database.db,
    config,
    storage,
    log: { info: (message: string) => console.log(message) },
  });
} finally {
  await storage.close?.();
  await database.close();
}
