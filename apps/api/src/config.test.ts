import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const SECRET = "a-production-secret-of-at-least-32-chars";

/** The problems loadConfig reports, or [] when the environment is accepted. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
}

const named = (problems: string[]) => problems.map((p) => p.split(":")[0]).sort();

describe("loadConfig", () => {
  it("starts in development with nothing set", () => {
    const config = loadConfig({});
    expect(config.env).toBe("development");
    expect(config.port).toBe(8000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.brokerSignup).toBe("open");
  });

  it("requires DATABASE_URL and JWT_SECRET in production and names both", () => {
    expect(named(problemsOf({ NODE_ENV: "production" }))).toEqual(["DATABASE_URL", "JWT_SECRET"]);
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://app@db:5432/portail",
      JWT_SECRET: SECRET,
    });
    expect(config.isProduction).toBe(true);
    // Production migrates in Railway's pre-deploy command, not at start.
    expect(config.migrateOnStart).toBe(false);
  });

  it("still lists the production requirements when another variable is bad", () => {
    const problems = problemsOf({ NODE_ENV: "production", PORT: "eighty" });
    expect(named(problems)).toEqual(["DATABASE_URL", "JWT_SECRET", "PORT"]);
  });

  it("names every bad variable at once", () => {
    const problems = problemsOf({
      PORT: "70000",
      JWT_SECRET: "too-short",
      DATABASE_URL: "mysql://root@localhost/portail",
      BROKER_SIGNUP: "maybe",
      MAIL_PORT: "smtp",
    });
    expect(named(problems)).toEqual([
      "BROKER_SIGNUP",
      "DATABASE_URL",
      "JWT_SECRET",
      "MAIL_PORT",
      "PORT",
    ]);
    expect(problems.find((p) => p.startsWith("JWT_SECRET"))).toContain("32 characters");
    expect(problems.find((p) => p.startsWith("DATABASE_URL"))).toContain("postgres://");
  });

  it("refuses a non-numeric PORT", () => {
    expect(named(problemsOf({ PORT: "abc" }))).toEqual(["PORT"]);
    expect(named(problemsOf({ PORT: "-1" }))).toEqual(["PORT"]);
  });

  it("treats an empty variable as unset instead of as 0 or an empty secret", () => {
    const config = loadConfig({ PORT: "", JWT_SECRET: "  ", MAIL_SERVER: "" });
    expect(config.port).toBe(8000);
    expect(config.jwtSecret).toBeUndefined();
    expect(config.mail.server).toBeUndefined();
    expect(named(problemsOf({ NODE_ENV: "production", DATABASE_URL: "", JWT_SECRET: "" }))).toEqual(
      ["DATABASE_URL", "JWT_SECRET"],
    );
  });

  it("accepts only http(s) FRONTEND_URLs, since email links start with it", () => {
    expect(named(problemsOf({ FRONTEND_URL: "localhost:3000" }))).toEqual(["FRONTEND_URL"]);
    expect(named(problemsOf({ FRONTEND_URL: "javascript:alert(1)" }))).toEqual(["FRONTEND_URL"]);
    expect(loadConfig({ FRONTEND_URL: "https://portail.example.ca/" }).frontendUrl).toBe(
      "https://portail.example.ca",
    );
  });
});

describe("server start-up with a bad environment", () => {
  it("exits 1 with a message naming each variable, without a stack trace", async () => {
    const apiRoot = fileURLToPath(new URL("..", import.meta.url));
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        execFile(
          process.execPath,
          ["--import", "tsx", "src/server.ts"],
          {
            cwd: apiRoot,
            // Only what the test chooses: nothing inherited may make the environment valid.
            env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: "eighty" },
            timeout: 20_000,
          },
          (error, stdout, stderr) =>
            resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
        );
      },
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain("Invalid configuration");
    for (const name of ["PORT", "DATABASE_URL", "JWT_SECRET"]) {
      expect(result.stderr).toContain(`- ${name}:`);
    }
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain("API ready");
  });
});
