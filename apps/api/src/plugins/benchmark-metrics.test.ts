import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/context.ts";
import { createActiveClient } from "../../test/factories.ts";

const on = useTestApp({ BENCHMARK_METRICS: "true" });
const off = useTestApp();

describe("benchmark metrics (BENCHMARK_METRICS)", () => {
  it("counts each request's SQL statements, the authentication included", async () => {
    const { client, transaction } = await createActiveClient(on);
    // Body parsed from the socket: authentication, the transaction check, the insert.
    const posted = await on.app.inject({
      method: "POST",
      url: "/api/v1/portail/transaction-messages",
      headers: client.auth,
      payload: { transaction_id: transaction.id, message: "Bonjour" },
    });
    expect(posted.statusCode).toBe(201);
    expect(posted.headers["x-sql-queries"]).toBe("3");
    // Authentication, the transaction check, the page, the counts.
    const page = await on.app.inject({
      method: "GET",
      url: `/api/v1/portail/transaction-messages/transaction/${transaction.id}`,
      headers: client.auth,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers["x-sql-queries"]).toBe("4");
  });

  it("reports the process's memory", async () => {
    const response = await on.app.inject({ method: "GET", url: "/__bench/memory" });
    expect(response.statusCode).toBe(200);
    expect(response.json().rss).toBeGreaterThan(0);
  });

  it("is off by default", async () => {
    const health = await off.app.inject({ method: "GET", url: "/health" });
    expect(health.headers["x-sql-queries"]).toBeUndefined();
    expect((await off.app.inject({ method: "GET", url: "/__bench/memory" })).statusCode).toBe(404);
  });
});
