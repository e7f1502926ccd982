#!/usr/bin/env node
// Runs a command against a PostgreSQL database of its own: with DATABASE_URL set, creates a
// fresh database on that server, runs the command with DATABASE_URL pointing at it, and drops
// it afterwards. Without DATABASE_URL the command runs unchanged (embedded PGlite).
// Usage: node scripts/with-temp-db.mjs <command> [args...]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: with-temp-db.mjs <command> [args...]");
  process.exit(2);
}

const adminUrl = process.env.DATABASE_URL;
let dbName;
let url;
if (adminUrl) {
  dbName = `${process.env.TEST_DB_PREFIX ?? "portail_tmp"}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  url = u.toString();
}

async function drop() {
  if (!dbName) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  dbName = undefined;
}

const child = spawn(command, args, {
  stdio: "inherit",
  env: url ? { ...process.env, DATABASE_URL: url } : process.env,
});
// Pass stop signals on, so the wrapped server shuts down gracefully before the drop.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", async (code, signal) => {
  try {
    await drop();
  } catch (error) {
    console.error(`could not drop ${dbName}: ${error.message}`);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
