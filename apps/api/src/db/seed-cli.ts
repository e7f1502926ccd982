// `npm run db:seed`: applies migrations, then creates the demo data (idempotent).
import { loadConfig } from "../config.ts";
import { exitOnConfigError } from "../lib/exit.ts";
import { openDatabase } from "./client.ts";
import { seed } from "./seed.ts";

const config = exitOnConfigError(() => loadConfig());
const database = openDatabase(config);
try {
  await database.migrate();
  await seed({ db: database.db, config, log: { info: (message: string) => console.log(message) } });
} finally {
  await database.close();
}
