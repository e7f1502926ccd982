import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
  ),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default(".data"),
  // Required in production (checked below); in development a secret is kept in DATA_DIR.
  JWT_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // A rotated refresh token still works this long (two tabs or web replicas refreshing at
  // once); reuse after it revokes the session. 0 turns the grace off.
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  // Links in emails start with it: a value like "localhost:3000" would parse as a URL scheme.
  FRONTEND_URL: z
    .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" })
    .default("http://localhost:3000"),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  MAIL_SERVER: optionalString,
  MAIL_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  MAIL_USERNAME: optionalString,
  MAIL_PASSWORD: optionalString,
  MAIL_FROM: z.string().default("Portail ImmoAssist <no-reply@example.com>"),
  MAIL_SECURE: bool.optional(),
  MAIL_WORKER: bool.default(true),
  MAIL_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  S3_BUCKET: optionalString,
  S3_REGION: optionalString,
  S3_ENDPOINT: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(25),
  BROKER_SIGNUP: z.enum(["open", "closed"]).default("open"),
  // How many reverse proxies sit in front of the API (Railway: one). Only that many
  // X-Forwarded-For hops are trusted, so a client cannot fake its IP past rate limits.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// URL")
      .optional(),
  ),
  // Key prefix of the shared rate-limit counters, so several deployments (or test runs) can
  // share one Redis without counting each other's requests.
  RATE_LIMIT_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,64}$/, "must be 1-64 letters, digits or : . _ -")
    .default("portail-rl-"),
  RATE_LIMIT_AUTH_PER_IP: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_AUTH_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  // How many API processes run side by side (Railway: the service's replica count). Above 1,
  // everything a request may need later must live outside the process (checked below).
  API_REPLICAS: z.coerce.number().int().min(1).max(100).default(1),
  // Benchmarks only (bench/): SQL statements per response in `x-sql-queries`, and the
  // process's memory at GET /__bench/memory. Never set it on a real deployment.
  BENCHMARK_METRICS: bool.default(false),
  MIGRATE_ON_START: bool.optional(),
  SEED_ON_START: bool.optional(),
});

// Checked outside the schema: zod skips object refinements once any field fails, and the
// start-up message must list every problem at once. Production must not run on a development
// default: an embedded database, a secret kept on the container's disk, emails written to
// files nobody reads, links to localhost.
const REQUIRED_IN_PRODUCTION = [
  "DATABASE_URL",
  "JWT_SECRET",
  "FRONTEND_URL",
  "MAIL_SERVER",
  "MAIL_FROM",
] as const;

// Values copied from a template instead of generated; compared without case or punctuation.
const PLACEHOLDER_SECRETS = [
  "changeme",
  "changethis",
  "replaceme",
  "replacethis",
  "placeholder",
  "yoursecret",
  "yourjwtsecret",
  "example",
  "dummy",
  "insecure",
  "notasecret",
];
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function productionProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const key of REQUIRED_IN_PRODUCTION) {
    if (!env[key]) problems.push(`${key}: required in production`);
  }
  const secret = env.JWT_SECRET;
  // A short one is already reported by the schema.
  if (secret && secret.length >= 32) {
    const folded = secret.toLowerCase().replace(/[^a-z0-9]/g, "");
    if (PLACEHOLDER_SECRETS.some((p) => folded.includes(p)) || new Set(secret).size < 10) {
      problems.push(
        "JWT_SECRET: looks like a placeholder; generate one with `openssl rand -base64 48`",
      );
    }
  }
  const frontend = parseUrl(env.FRONTEND_URL);
  if (frontend?.protocol === "http:" && !LOCAL_HOSTS.has(frontend.hostname)) {
    problems.push("FRONTEND_URL: must be https:// in production (http only for localhost)");
  }
  return problems;
}

function parseUrl(value: string | undefined): URL | undefined {
  try {
    return value ? new URL(value) : undefined;
  } catch {
    return undefined; // reported by the schema
  }
}

/** Several replicas share nothing in memory or on disk: files and rate limits live outside. */
function replicaProblems(env: Record<string, string | undefined>): string[] {
  const replicas = Number(env.API_REPLICAS ?? 1);
  if (!(replicas > 1)) return [];
  const problems: string[] = [];
  if (!env.S3_BUCKET) {
    problems.push(
      `S3_BUCKET: required when API_REPLICAS is ${replicas} (local disk is not shared between replicas)`,
    );
  }
  if (!env.REDIS_URL) {
    problems.push(
      `REDIS_URL: required when API_REPLICAS is ${replicas} (rate limits must be shared between replicas)`,
    );
  }
  return problems;
}

export type Env = z.input<typeof envSchema>;
export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function toConfig(env: z.output<typeof envSchema>) {
  const isProduction = env.NODE_ENV === "production";
  return {
    env: env.NODE_ENV,
    isProduction,
    isTest: env.NODE_ENV === "test",
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    dataDir: env.DATA_DIR,
    jwtSecret: env.JWT_SECRET,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
    passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
    frontendUrl: env.FRONTEND_URL.replace(/\/+$/, ""),
    invitationTtlDays: env.INVITATION_TTL_DAYS,
    mail: {
      server: env.MAIL_SERVER,
      port: env.MAIL_PORT,
      username: env.MAIL_USERNAME,
      password: env.MAIL_PASSWORD,
      from: env.MAIL_FROM,
      secure: env.MAIL_SECURE ?? env.MAIL_PORT === 465,
      worker: env.MAIL_WORKER,
      pollMs: env.MAIL_POLL_MS,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
    },
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          region: env.S3_REGION ?? "us-east-1",
          endpoint: env.S3_ENDPOINT,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        }
      : undefined,
    maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024,
    brokerSignup: env.BROKER_SIGNUP,
    redisUrl: env.REDIS_URL,
    rateLimitRedisPrefix: env.RATE_LIMIT_REDIS_PREFIX,
    replicas: env.API_REPLICAS,
    trustProxyHops: env.TRUST_PROXY_HOPS ?? (isProduction ? 1 : 0),
    rateLimit: {
      authPerIp: env.RATE_LIMIT_AUTH_PER_IP,
      authPerEmail: env.RATE_LIMIT_AUTH_PER_EMAIL,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    },
    // Development applies migrations (and demo data on an empty database) at start;
    // production runs `npm run db:migrate` as Railway's pre-deploy command instead.
    benchmarkMetrics: env.BENCHMARK_METRICS,
    migrateOnStart: env.MIGRATE_ON_START ?? !isProduction,
    seedOnStart: env.SEED_ON_START ?? env.NODE_ENV === "development",
  };
}

/** Parses the environment once; throws a ConfigError naming every bad or missing variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`PORT=` in a .env file) means "unset": its default applies, and a
  // number never silently becomes 0.
  const env = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const result = envSchema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "(environment)";
        return `${name}: ${issue.message}`;
      });
  if (env.NODE_ENV === "production") problems.push(...productionProblems(env));
  problems.push(...replicaProblems(env));
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  return toConfig(result.data);
}
