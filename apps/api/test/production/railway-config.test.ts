import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROOT, REPO_ROOT } from "./harness.ts";

// apps/api/railway.json is only read by Railway: these checks keep it in step with the package
// scripts it runs, the shutdown bound and docs/deploy/railway.md. shutdown.test.ts runs its
// commands.

const read = (file: string) => readFileSync(file, "utf8");
const railway = JSON.parse(read(path.join(API_ROOT, "railway.json")));
const scripts: Record<string, string> = JSON.parse(
  read(path.join(API_ROOT, "package.json")),
).scripts;
const guide = read(path.join(REPO_ROOT, "docs/deploy/railway.md"));
const commands: string[] = [
  railway.build.buildCommand,
  ...railway.deploy.preDeployCommand,
  railway.deploy.startCommand,
];

describe("apps/api/railway.json", () => {
  it("runs the API workspace's own scripts, and production ones without TypeScript tooling", () => {
    expect(railway.build.builder).toBe("RAILPACK");
    for (const command of commands) {
      const script = /^npm run (\S+) -w @portail\/api$/.exec(command)?.[1];
      expect(script, command).toBeDefined();
      expect(scripts[script!], command).toBeDefined();
    }
    for (const script of ["start:prod", "db:migrate:prod", "db:seed:prod"]) {
      expect(scripts[script]).toMatch(/^(exec )?node dist\//);
    }
  });

  it("gives the API more time than its 10 s shutdown before Railway's SIGKILL", () => {
    // A number: Railway's parser rejects a string here.
    expect(typeof railway.deploy.drainingSeconds).toBe("number");
    expect(railway.deploy.drainingSeconds).toBeGreaterThan(10);
    expect(railway.deploy.healthcheckPath).toBe("/health/ready");
    expect(railway.deploy.restartPolicyType).toBe("ON_FAILURE");
  });

  it("redeploys for the API, the contract and the lockfile, not for the web app", () => {
    const patterns: string[] = railway.build.watchPatterns;
    expect(patterns).toEqual(
      expect.arrayContaining(["/apps/api/**", "/packages/shared/**", "/package-lock.json"]),
    );
    expect(patterns.filter((pattern) => pattern.includes("web") || pattern === "**")).toEqual([]);
  });

  it("matches what docs/deploy/railway.md tells a person to expect", () => {
    for (const text of [...commands, "/apps/api/railway.json", railway.deploy.healthcheckPath]) {
      expect(guide, text).toContain(`\`${text}\``);
    }
  });
});
