#!/usr/bin/env node
// `npm start` / `npm run dev`: the API on API_PORT (8000) and the web app on WEB_PORT (3000),
// side by side, stopping both when either stops or on Ctrl-C.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const dev = process.argv.includes("--dev");
const script = dev ? "dev" : "start";
const apiPort = process.env.API_PORT ?? "8000";
const webPort = process.env.WEB_PORT ?? "3000";

const hasScript = (workspace) => {
  const pkg = JSON.parse(readFileSync(new URL(`../${workspace}/package.json`, import.meta.url)));
  return Boolean(pkg.scripts?.[script]);
};

// `next start` serves a production build: make one when there is none, or when a source file
// changed since the last one (a fresh clone, or after a pull).
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}
function ensureWebBuild() {
  const root = new URL("..", import.meta.url).pathname;
  const buildId = path.join(root, "apps/web/.next/BUILD_ID");
  const sources = ["apps/web/src", "apps/web/messages", "packages/shared/src"].map((d) =>
    path.join(root, d),
  );
  const stale =
    !existsSync(buildId) ||
    sources.some((d) => existsSync(d) && newestMtime(d) > statSync(buildId).mtimeMs);
  if (!stale) return;
  console.log("[start] building the web app (first start or sources changed)…");
  const result = spawnSync("npm", ["run", "build", "--workspace", "apps/web"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const apps = [
  {
    name: "api",
    workspace: "apps/api",
    env: { PORT: apiPort, FRONTEND_URL: process.env.FRONTEND_URL ?? `http://localhost:${webPort}` },
  },
  {
    name: "web",
    workspace: "apps/web",
    env: { PORT: webPort, API_URL: process.env.API_URL ?? `http://127.0.0.1:${apiPort}` },
  },
].filter((app) => hasScript(app.workspace));

if (!dev && apps.some((app) => app.name === "web")) ensureWebBuild();

const children = apps.map((app) => {
  const child = spawn("npm", ["run", script, "--workspace", app.workspace], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...app.env },
    // Its own process group: npm does not pass signals on to the server it runs, so stopping
    // signals the whole group (npm, the shell and the server).
    detached: true,
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${app.name} exited (${signal ?? code}); stopping the others`);
      stop(code ?? 1);
    }
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) {
    if (child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
  setTimeout(() => process.exit(code), 12_000).unref();
  Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.on("exit", r)) : null)),
  ).then(() => process.exit(code));
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
