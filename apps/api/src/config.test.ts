import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const SECRET = "k3J9vQ2xLw8ZpT5nR1yH6bF0cM4dG7sA";
/** What Railway's API service gets (docs/deploy/railway.md): a valid production environment. */
const PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://app@db:5432/portail",
  JWT_SECRET: SECRET,
  FRONTEND_URL: "https://portail.example.ca",
  MAIL_SERVER: "smtp.example.ca",
  MAIL_FROM: "Portail ImmoAssist <portail@example.ca>",
};

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

  it("requires every production variable and names each one", () => {
    expect(named(problemsOf({ NODE_ENV: "production" }))).toEqual([
      "DATABASE_URL",
      "FRONTEND_URL",
      "JWT_SECRET",
      "MAIL_FROM",
      "MAIL_SERVER",
    ]);
    for (const key of Object.keys(PRODUCTION).filter((k) => k !== "NODE_ENV")) {
      const { [key]: _missing, ...rest } = PRODUCTION as Record<string, string>;
      expect(problemsOf(rest), key).toEqual([`${key}: required in production`]);
    }
    const config = loadConfig(PRODUCTION);
    expect(config.isProduction).toBe(true);
    expect(config.replicas).toBe(1);
    expect(config.trustProxyHops).toBe(1);
    // Production migrates in Railway's pre-deploy command, not at start.
    expect(config.migrateOnStart).toBe(false);
    expect(config.seedOnStart).toBe(false);
  });

  it("still lists the production requirements when another variable is bad", () => {
    const problems = problemsOf({ NODE_ENV: "production", PORT: "eighty" });
    expect(named(problems)).toEqual([
      "DATABASE_URL",
      "FRONTEND_URL",
      "JWT_SECRET",
      "MAIL_FROM",
      "MAIL_SERVER",
      "PORT",
    ]);
  });

  it("refuses a production JWT_SECRET that is short or copied from a template", () => {
    const secretProblems = (JWT_SECRET: string) => problemsOf({ ...PRODUCTION, JWT_SECRET });
    expect(secretProblems("short-secret")).toEqual(["JWT_SECRET: must be at least 32 characters"]);
    for (const placeholder of [
      "changeme-changeme-changeme-changeme",
      "CHANGE_ME_to_a_long_random_string_please",
      "your-secret-here-at-least-32-characters!",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ]) {
      const problems = secretProblems(placeholder);
      expect(named(problems), placeholder).toEqual(["JWT_SECRET"]);
      expect(problems[0]).toContain("openssl rand -base64 48");
    }
    // Development accepts any secret of the right length.
    expect(
      loadConfig({ JWT_SECRET: "changeme-changeme-changeme-changeme" }).jwtSecret,
    ).toBeTruthy();
  });

  it("wants an https FRONTEND_URL in production, except on localhost", () => {
    expect(problemsOf({ ...PRODUCTION, FRONTEND_URL: "http://portail.example.ca" })).toEqual([
      "FRONTEND_URL: must be https:// in production (http only for localhost)",
    ]);
    for (const local of ["http://localhost:3000", "http://127.0.0.1:3000"]) {
      expect(problemsOf({ ...PRODUCTION, FRONTEND_URL: local }), local).toEqual([]);
    }
    expect(problemsOf({ FRONTEND_URL: "http://portail.example.ca" })).toEqual([]);
  });

  it("refuses local files and in-memory rate limits when several replicas are declared", () => {
    expect(problemsOf({ ...PRODUCTION, API_REPLICAS: "2" })).toEqual([
      "S3_BUCKET: required when API_REPLICAS is 2 (local disk is not shared between replicas)",
      "REDIS_URL: required when API_REPLICAS is 2 (rate limits must be shared between replicas)",
    ]);
    // Not only in production: two processes on one disk-less setup lose files either way.
    expect(named(problemsOf({ API_REPLICAS: "3", REDIS_URL: "redis://127.0.0.1:6379" }))).toEqual([
      "S3_BUCKET",
    ]);
    const config = loadConfig({
      ...PRODUCTION,
      API_REPLICAS: "2",
      S3_BUCKET: "portail-documents",
      REDIS_URL: "redis://redis.railway.internal:6379",
    });
    expect(config.replicas).toBe(2);
    expect(named(problemsOf({ API_REPLICAS: "0" }))).toEqual(["API_REPLICAS"]);
    expect(named(problemsOf({ API_REPLICAS: "two" }))).toEqual(["API_REPLICAS"]);
  });

  it("lists every production problem at once", () => {
    const problems = problemsOf({
      NODE_ENV: "production",
      JWT_SECRET: "placeholder-placeholder-placeholder",
      FRONTEND_URL: "http://portail.example.ca",
      API_REPLICAS: "2",
    });
    expect(named(problems)).toEqual([
      "DATABASE_URL",
      "FRONTEND_URL",
      "JWT_SECRET",
      "MAIL_FROM",
      "MAIL_SERVER",
      "REDIS_URL",
      "S3_BUCKET",
    ]);
  });

  it("takes a rate-limit key prefix so deployments can share one Redis", () => {
    expect(loadConfig({}).rateLimitRedisPrefix).toBe("portail-rl-");
    expect(loadConfig({ RATE_LIMIT_REDIS_PREFIX: "staging:rl:" }).rateLimitRedisPrefix).toBe(
      "staging:rl:",
    );
    expect(named(problemsOf({ RATE_LIMIT_REDIS_PREFIX: "has space" }))).toEqual([
      "RATE_LIMIT_REDIS_PREFIX",
    ]);
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
    expect(problemsOf({ ...PRODUCTION, DATABASE_URL: "", JWT_SECRET: " " })).toEqual([
      "DATABASE_URL: required in production",
      "JWT_SECRET: required in production",
    ]);
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
    for (const name of ["PORT", "DATABASE_URL", "JWT_SECRET", "FRONTEND_URL", "MAIL_SERVER"]) {
      expect(result.stderr).toContain(`- ${name}:`);
    }
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain("API ready");
  });
});
