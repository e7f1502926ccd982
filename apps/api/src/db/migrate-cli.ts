// `npm run db:migrate`: Railway's pre-deploy command, and the way to migrate by hand.
import { loadConfig } from "../config.ts";
import { exitOnConfigError } from "../lib/exit.ts";
import { openDatabase } from "./client.ts";

const config = exitOnConfigError(() => loadConfig());
const database = openDatabase(config);
try {
  await database.migrate();
  console.log(`Migrations applied (${database.kind}).`);
} finally {
  await database.close();
}
