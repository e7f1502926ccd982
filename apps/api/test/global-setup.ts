import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** A migrated PGlite data directory (tar) that every test file starts from. */
    pgliteTemplate: string | null;
  }
}

/**
 * On PGlite (no DATABASE_URL), creates and migrates one database for the whole run and dumps
 * it: each test file then loads that dump (~0.5 s) instead of running initdb and the
 * migrations again (~2 s).
 */
export async function setup({ provide }: TestProject) {
  if (process.env.DATABASE_URL) {
    provide("pgliteTemplate", null);
    return;
  }
  const pglite = new PGlite();
  const database = openDatabase({ dataDir: "", pglite });
  await database.migrate();
  const dump = await pglite.dumpDataDir("none");
  await database.close();
  const dir = mkdtempSync(path.join(tmpdir(), "portail-pglite-"));
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
