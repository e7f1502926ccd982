#!/usr/bin/env node
// `npm start` / `npm run dev`: the API on API_PORT (8000) and the web app on WEB_PORT (3000),
// side by side, stopping both when either stops or on Ctrl-C.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const dev = process.argv.includes("--dev");
const script = dev ? "dev" : "start";
const apiPort = process.env.API_PORT ?? "8000";
const webPort = process.env.WEB_PORT ?? "3000";

const hasScript = (workspace) => {
  const pkg = JSON.parse(readFileSync(new URL(`../${workspace}/package.json`, import.meta.url)));
  return Boolean(pkg.scripts?.[script]);
};

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

const children = apps.map((app) => {
  const child = spawn("npm", ["run", script, "--workspace", app.workspace], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...app.env },
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
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 12_000).unref();
  Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.on("exit", r)) : null)),
  ).then(() => process.exit(code));
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
