import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipart, samplePdf } from "../files.ts";
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
  REPO_ROOT,
  registerBroker,
  run,
  SKIP_MESSAGE,
  startApi,
  tempDir,
  uploadPdf,
} from "./harness.ts";

// Railway's own commands, read from apps/api/railway.json and run from the repository root
// through `bash -c` as Railpack's image runs them: build, pre-deploy migration, start; then
// the SIGTERM Railway sends when it replaces a deployment.
const railway = JSON.parse(readFileSync(path.join(API_ROOT, "railway.json"), "utf8")) as {
  build: { buildCommand: string };
  deploy: { preDeployCommand: string[]; startCommand: string; healthcheckPath: string };
};
const bash = (command: string) => ["-c", command];

const title = "production build, start and shutdown";
describe.skipIf(!ADMIN_DATABASE_URL)(
  ADMIN_DATABASE_URL ? title : `${title} (${SKIP_MESSAGE})`,
  () => {
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let database: Awaited<ReturnType<typeof createDatabase>>;
    let dataDir: ReturnType<typeof tempDir>;
    let api: ApiProcess;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      smtp = await startSmtpServer();
      database = await createDatabase();
      dataDir = tempDir("prod-data");
      env = productionEnv({
        DATABASE_URL: database.url,
        DATA_DIR: dataDir.dir,
        MAIL_SERVER: "127.0.0.1",
        MAIL_PORT: String(smtp.port),
        MAIL_POLL_MS: "100",
      });

      const build = await run("bash", bash(railway.build.buildCommand), { cwd: REPO_ROOT });
      expect(build.code, build.stderr).toBe(0);
      for (const command of railway.deploy.preDeployCommand) {
        const migrate = await run("bash", bash(command), { cwd: REPO_ROOT, env });
        expect(migrate.code, migrate.stderr).toBe(0);
        expect(migrate.stdout).toContain("Migrations applied (postgres)");
      }

      api = await startApi("bash", bash(railway.deploy.startCommand), { cwd: REPO_ROOT, env });
    });

    afterAll(async () => {
      await api?.stop();
      await database?.drop();
      await smtp?.close();
      dataDir?.remove();
    });

    it("serves health, the API reference, uploads and email from the built JavaScript", async () => {
      const ready = await call(api.url, "GET", railway.deploy.healthcheckPath);
      expect(await json(ready)).toEqual({ status: "ok", database: "postgres" });

      // Swagger UI's page and assets come from node_modules at run time, not from the bundle.
      const docs = await fetch(`${api.url}/api/docs/`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain("swagger-ui");
      const bundle = await fetch(`${api.url}/api/docs/static/swagger-ui-bundle.js`);
      expect(bundle.status).toBe(200);
      expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
      const openapi = await json<{ paths: Record<string, unknown> }>(
        await fetch(`${api.url}/api/openapi.json`),
      );
      expect(Object.keys(openapi.paths)).toContain("/api/v1/client-invitations/");

      const broker = await registerBroker(api.url, "198.51.100.10");
      const invitation = await inviteClient(api.url, broker.token, "sophie.build@example.com");
      const pdf = samplePdf("Construit pour la production");
      const document = await uploadPdf(api.url, broker.token, invitation.transaction_id, pdf);
      expect(document.taille).toBe(pdf.length);

      // The invitation email goes out through the worker, over SMTP.
      await expect
        .poll(() => smtp.received.flatMap((mail) => mail.to), { timeout: 15_000 })
        .toContain("sophie.build@example.com");
    });

    it("on SIGTERM finishes the request in flight, stops the worker and exits 0 within 10 s", async () => {
      const broker = await registerBroker(api.url, "198.51.100.11");
      const invitation = await inviteClient(api.url, broker.token, "sophie.sigterm@example.com");
      const pdf = samplePdf("Téléversé pendant l'arrêt");
      const body = await multipart([
        ["transaction_id", String(invitation.transaction_id)],
        ["categorie", "offre"],
        ["file", { content: pdf, filename: "arret.pdf", type: "application/pdf" }],
      ]);

      // A slow upload over a keep-alive connection: half the body now, the rest after SIGTERM.
      const agent = new http.Agent({ keepAlive: true });
      const requestId = "sigterm-upload-0001";
      const url = new URL("/api/v1/portail/transaction-documents/", api.url);
      const request = http.request(url, {
        method: "POST",
        agent,
        headers: {
          ...body.headers,
          authorization: `Bearer ${broker.token}`,
          "content-length": String(body.payload.length),
          "x-request-id": requestId,
        },
      });
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        request.on("error", reject);
        request.on("response", (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
      });
      const half = Math.floor(body.payload.length / 2);
      request.write(body.payload.subarray(0, half));
      await api.waitForLog((line) => line.reqId === requestId, "the upload's arrival");

      const signalled = Date.now();
      // bash execs npm, the process Railway signals; `exec` in start:prod lets it reach node.
      api.child.kill("SIGTERM");
      await api.waitForLog((line) => line.msg === "shutting down", "the shutdown");
      request.end(body.payload.subarray(half));

      const uploaded = await response;
      expect(uploaded.status, uploaded.text).toBe(201);
      expect(JSON.parse(uploaded.text)).toMatchObject({ nom: "arret.pdf", taille: pdf.length });

      const exit = await api.exited;
      const elapsed = Date.now() - signalled;
      agent.destroy();
      expect(exit, api.output()).toEqual({ code: 0, signal: null });
      expect(elapsed, api.output()).toBeLessThan(10_000);
      expect(api.logs.map((line) => line.msg)).toContain("shut down");
      // Finished because the request ended, not because the grace period cut it.
      expect(api.logs.map((line) => line.msg)).not.toContain(
        "requests still running after the grace period; closing their connections",
      );
      expect(errorsIn(api.logs)).toEqual([]);

      // The worker stopped between batches: nothing is left claimed, the upload is stored.
      const db = new pg.Client({ connectionString: database.url });
      await db.connect();
      try {
        const outbox = await db.query("select status from email_outbox where status = 'sending'");
        expect(outbox.rows).toEqual([]);
        const stored = await db.query(
          "select nom from transaction_documents where nom = 'arret.pdf'",
        );
        expect(stored.rows).toHaveLength(1);
      } finally {
        await db.end();
      }
    });
  },
);
