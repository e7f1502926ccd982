import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import type { TokenResponse } from "@portail/shared";
import { Redis } from "ioredis";
import pg from "pg";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../src/lib/tokens.ts";
import { samplePdf } from "../files.ts";
import { startSmtpServer } from "../smtp.ts";
import {
  ADMIN_DATABASE_URL,
  API_ROOT,
  type ApiProcess,
  call,
  createDatabase,
  errorsIn,
  inviteClient,
  json,
  productionEnv,
  registerBroker,
  run,
  SKIP_MESSAGE,
  startApi,
  tempDir,
  uploadPdf,
} from "./harness.ts";

// Issue 6 item 4: two API processes (the production build) on one PostgreSQL database behave
// as one. Files on S3-compatible storage (s3rver), rate limits in Redis, email over SMTP.

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const BUCKET = "portail-documents";
const S3_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const PER_IP = 6;

async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const redisUp = ADMIN_DATABASE_URL ? await redisAnswers(REDIS_URL) : false;
const title = "two API replicas on one database";
const skipReason = !ADMIN_DATABASE_URL
  ? SKIP_MESSAGE
  : !redisUp
    ? `skipped: no Redis answers at ${REDIS_URL} (set TEST_REDIS_URL)`
    : "";

describe.skipIf(skipReason !== "")(skipReason ? `${title} (${skipReason})` : title, () => {
  const runId = randomBytes(4).toString("hex");
  // One namespace per run: other runs (and other deployments) share this Redis.
  const prefix = `portail-test-${runId}:`;
  const outdir = path.join(API_ROOT, "node_modules", ".cache", `portail-replicas-${runId}`);
  let s3rver: S3rver;
  let s3Dir: ReturnType<typeof tempDir>;
  let s3Endpoint = "";
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  const dataDirs: ReturnType<typeof tempDir>[] = [];
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    s3Dir = tempDir("s3rver");
    s3rver = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory: s3Dir.dir,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port: s3Port } = await s3rver.run();
    s3Endpoint = `http://127.0.0.1:${s3Port}`;
    smtp = await startSmtpServer();
    database = await createDatabase();

    // Its own build folder: the shutdown test rebuilds dist/ in parallel.
    const build = await run(process.execPath, ["build.mjs", "--outdir", outdir], { cwd: API_ROOT });
    expect(build.code, build.stderr).toBe(0);

    const shared = {
      DATABASE_URL: database.url,
      // Both replicas sign and verify each other's tokens.
      JWT_SECRET: randomBytes(48).toString("base64"),
      API_REPLICAS: "2",
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3Endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: S3_KEYS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3_KEYS.secretAccessKey,
      REDIS_URL,
      RATE_LIMIT_REDIS_PREFIX: prefix,
      RATE_LIMIT_AUTH_PER_IP: String(PER_IP),
      MAIL_SERVER: "127.0.0.1",
      MAIL_PORT: String(smtp.port),
      MAIL_POLL_MS: "100",
    };
    const migrate = await run(process.execPath, [path.join(outdir, "db/migrate-cli.js")], {
      cwd: API_ROOT,
      env: productionEnv(shared),
    });
    expect(migrate.code, migrate.stderr).toBe(0);

    // Each replica has its own disk, as on Railway: nothing may depend on a local file.
    const replica = () => {
      const dataDir = tempDir("replica");
      dataDirs.push(dataDir);
      return startApi(process.execPath, [path.join(outdir, "server.js")], {
        cwd: API_ROOT,
        env: productionEnv({ ...shared, DATA_DIR: dataDir.dir }),
      });
    };
    [a, b] = await Promise.all([replica(), replica()]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    await smtp?.close();
    await s3rver?.close();
    s3Dir?.remove();
    for (const dir of dataDirs) dir.remove();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    rmSync(outdir, { recursive: true, force: true });
  });

  const query = async <T>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };

  it("sends each queued email exactly once", async () => {
    const broker = await registerBroker(a.url, "203.0.113.1");
    const recipients = Array.from({ length: 16 }, (_, i) => `client.${runId}.${i}@example.com`);
    // Queued through both replicas at once, while both workers poll the same outbox.
    await Promise.all(
      recipients.map((email, i) => inviteClient(i % 2 ? b.url : a.url, broker.token, email)),
    );

    await expect
      .poll(async () => query<{ status: string }>("select status from email_outbox"), {
        timeout: 20_000,
        interval: 100,
      })
      .toSatisfy(
        (rows: { status: string }[]) =>
          rows.length === recipients.length && rows.every((row) => row.status === "sent"),
      );
    const received = smtp.received.flatMap((mail) => mail.to).sort();
    expect(received).toEqual([...recipients].sort());
    const attempts = await query<{ attempts: number }>("select attempts from email_outbox");
    expect(attempts.every((row) => row.attempts === 1)).toBe(true);
  });

  it("shares the per-IP sign-in limit between the replicas", async () => {
    const ip = "203.0.113.2";
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP + 2; i += 1) {
      const response = await call(i % 2 ? b.url : a.url, "POST", "/api/v1/auth/login", {
        ip,
        body: { email: `inconnu.${i}@example.com`, password: "pas le bon mot de passe" },
      });
      statuses.push(response.status);
    }
    // In-process counters would allow PER_IP attempts on each replica (2 × PER_IP in all).
    expect(statuses).toEqual([...Array(PER_IP).fill(401), 429, 429]);
    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`${prefix}*`)).length).toBeGreaterThan(0);
    } finally {
      await redis.quit();
    }
  });

  it("downloads through B a document uploaded through A", async () => {
    const broker = await registerBroker(a.url, "203.0.113.3");
    const invitation = await inviteClient(a.url, broker.token, `doc.${runId}@example.com`);
    const pdf = samplePdf("Déclaration du vendeur");
    const document = await uploadPdf(a.url, broker.token, invitation.transaction_id, pdf);

    const detail = await json<{ download_url: string }>(
      await call(b.url, "GET", `/api/v1/portail/transaction-documents/${document.id}`, {
        token: broker.token,
      }),
    );
    const download = await call(b.url, "GET", detail.download_url, { token: broker.token });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    // The bytes live in the bucket, on neither replica's disk.
    const s3 = new S3Client({
      region: "us-east-1",
      endpoint: s3Endpoint,
      forcePathStyle: true,
      credentials: S3_KEYS,
    });
    try {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
      expect(listed.Contents?.map((object) => object.Size)).toContain(pdf.length);
    } finally {
      s3.destroy();
    }
    for (const dir of dataDirs) {
      const files = path.join(dir.dir, "files");
      expect(existsSync(files) ? readdirSync(files) : []).toEqual([]);
    }
  });

  it("honours on B a session made on A, and detects refresh-token reuse across them", async () => {
    const broker = await registerBroker(a.url, "203.0.113.4");
    const login = await json<TokenResponse>(
      await call(a.url, "POST", "/api/v1/auth/login", {
        ip: "203.0.113.4",
        body: { email: broker.email, password: broker.password },
      }),
    );
    const me = await call(b.url, "GET", "/api/v1/auth/me", { token: login.access_token });
    expect(me.status).toBe(200);
    expect(await json(me)).toMatchObject({ email: broker.email });

    const rotated = await call(b.url, "POST", "/api/v1/auth/refresh", {
      body: { refresh_token: login.refresh_token },
    });
    expect(rotated.status).toBe(200);
    const second = await json<TokenResponse>(rotated);
    expect(
      (await call(a.url, "GET", "/api/v1/auth/me", { token: second.access_token })).status,
    ).toBe(200);

    // The first refresh token again on the other replica at once, as when two web replicas
    // refresh one cookie together: served within the grace window, for the same session.
    const racing = await call(a.url, "POST", "/api/v1/auth/refresh", {
      body: { refresh_token: login.refresh_token },
    });
    expect(racing.status).toBe(200);
    const third = await json<TokenResponse>(racing);

    // Replayed once the window has passed: the whole session ends, on both replicas.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        "update refresh_tokens set used_at = used_at - interval '1 hour' where token_hash = $1",
        [hashToken(login.refresh_token)],
      );
    } finally {
      await client.end();
    }
    const replay = await call(a.url, "POST", "/api/v1/auth/refresh", {
      body: { refresh_token: login.refresh_token },
    });
    expect(replay.status).toBe(401);
    for (const api of [a, b]) {
      for (const pair of [second, third]) {
        const after = await call(api.url, "GET", "/api/v1/auth/me", { token: pair.access_token });
        expect(after.status).toBe(401);
      }
    }
    const again = await call(b.url, "POST", "/api/v1/auth/refresh", {
      body: { refresh_token: second.refresh_token },
    });
    expect(again.status).toBe(401);
  });

  it("both replicas logged no error and stop cleanly on SIGTERM", async () => {
    const stopped = await Promise.all(
      [a, b].map(async (api) => {
        api.child.kill("SIGTERM");
        return api.exited;
      }),
    );
    expect(stopped).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    expect(errorsIn(a.logs), a.output()).toEqual([]);
    expect(errorsIn(b.logs), b.output()).toEqual([]);
  });
});
