// `npm run explain -w @portail/bench [-- --size large] [dashboard clients …]`: runs the real app
// in-process on a benchmark database, captures every SQL statement one request of each endpoint
// sends (through Drizzle's logger), and prints EXPLAIN (ANALYZE, BUFFERS) for each (the third
// run, caches warm), in a transaction rolled back.

import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { buildApp } from "../../apps/api/src/app.ts";
import { loadConfig } from "../../apps/api/src/config.ts";
import type { Database, Db } from "../../apps/api/src/db/client.ts";
import * as schema from "../../apps/api/src/db/schema.ts";
import { BENCH_PASSWORD, databaseUrlOf, dataDirOf, parseSizes, withClient } from "./common.ts";
import { endpoints, type Users } from "./load.ts";

const args = process.argv.slice(2);
const [size] = parseSizes(args);
const wanted = args.filter(
  (a) => !a.startsWith("--") && !["small", "large", "small,large"].includes(a),
);
const url = databaseUrlOf(size!);

const captured: { sql: string; params: unknown[] }[] = [];
let capturing = false;
const pool = new pg.Pool({ connectionString: url, max: 10 });
const db = drizzle({
  client: pool,
  schema,
  logger: {
    logQuery(sql, params) {
      if (capturing) captured.push({ sql, params });
    },
  },
}) as unknown as Db;
const database: Database = {
  db,
  kind: "postgres",
  migrate: async () => {},
  ping: async () => {
    await pool.query("select 1");
  },
  close: () => pool.end(),
};
const config = loadConfig({
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  DATABASE_URL: url,
  DATA_DIR: dataDirOf(size!),
  JWT_SECRET: "explain-secret-long-enough-for-hs256-signing-0123456789",
  MAIL_WORKER: "false",
  RATE_LIMIT_AUTH_PER_IP: "100000",
  RATE_LIMIT_AUTH_PER_EMAIL: "100000",
});
const app = await buildApp({ config, database, logger: false });
await app.ready();

// One client and one broker from the middle of the data.
const accounts = await withClient(url, async (client) => {
  const { rows } = await client.query<{ client: string; transaction_id: number; broker: string }>(
    `select u.email as client, t.id as transaction_id, b.email as broker
     from users u join portail_transactions t on t.client_invitation_id = u.client_invitation_id
     join users b on b.id = t.courtier_id
     where u.role = 'client' order by u.id offset (select count(*) / 2 from users where role = 'client') limit 1`,
  );
  return rows[0]!;
});
const token = async (email: string) => {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password: BENCH_PASSWORD },
  });
  return response.json<{ access_token: string }>().access_token;
};
const users: Users = {
  clients: [
    {
      email: accounts.client,
      token: await token(accounts.client),
      transaction_id: accounts.transaction_id,
    },
  ],
  brokers: [{ email: accounts.broker, token: await token(accounts.broker) }],
};

const explainer = new pg.Client({ connectionString: url });
await explainer.connect();
try {
  for (const endpoint of endpoints(users)) {
    if (wanted.length > 0 && !wanted.includes(endpoint.name)) continue;
    const spec = endpoint.request(0);
    captured.length = 0;
    capturing = true;
    const response = await app.inject({
      method: endpoint.method,
      url: spec.path,
      headers: spec.token ? { authorization: `Bearer ${spec.token}` } : {},
      ...(spec.body === undefined ? {} : { payload: spec.body as object }),
    });
    capturing = false;
    console.log(
      `\n### ${endpoint.name}: ${endpoint.route} → ${response.statusCode}, ${captured.length} statements\n`,
    );
    for (const [i, query] of captured.entries()) {
      if (!/^\s*(select|insert|update|delete|with)\b/i.test(query.sql)) {
        console.log(`${i + 1}. \`${query.sql}\`\n`);
        continue;
      }
      // A write runs once (its row may already exist: the request committed it).
      const runs = /^\s*select\b/i.test(query.sql) ? 3 : 1;
      await explainer.query("begin");
      try {
        // The last of three runs: a pooled connection has its catalog caches warm.
        let rows: { "QUERY PLAN": string }[] = [];
        for (let run = 0; run < runs; run++) {
          ({ rows } = await explainer.query<{ "QUERY PLAN": string }>(
            `explain (analyze, buffers) ${query.sql}`,
            query.params,
          ));
        }
        const plan = rows.map((r) => r["QUERY PLAN"]);
        const timing = plan.filter((line) => /^(Planning|Execution) Time/.test(line)).join(", ");
        console.log(
          `${i + 1}. ${timing}\n\n\`\`\`sql\n${query.sql}\n\`\`\`\n\n\`\`\`\n${plan.join("\n")}\n\`\`\`\n`,
        );
      } catch (error) {
        console.log(
          `${i + 1}. not explained: ${(error as Error).message}\n\n\`\`\`sql\n${query.sql}\n\`\`\`\n`,
        );
      } finally {
        await explainer.query("rollback");
      }
    }
  }
} finally {
  await explainer.end();
  await app.close();
  await pool.end();
}
