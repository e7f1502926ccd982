import { publicConfigSchema } from "@portail/shared";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import { createBroker } from "../../../test/factories.ts";
import { describePublicRoute } from "../../../test/security.ts";

const ctx = useTestApp({ MAX_UPLOAD_MB: "12", INVITATION_TTL_DAYS: "10", BROKER_SIGNUP: "closed" });
const request = { method: "GET", url: "/api/v1/config" } as const;

describe("GET /config", () => {
  it("tells the web app the server's upload limit, link lifetime and sign-up setting", async () => {
    const response = await ctx.app.inject(request);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      max_upload_bytes: 12 * 1024 * 1024,
      invitation_ttl_days: 10,
      broker_signup: false,
    });
    expect(publicConfigSchema.safeParse(response.json()).success).toBe(true);
  });

  it("lets caches keep it five minutes", async () => {
    const response = await ctx.app.inject(request);
    expect(response.headers["cache-control"]).toBe("public, max-age=300");
  });

  it("is in the OpenAPI document, without security", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    // Listed with the trailing slash of a module's root route, like the others.
    const operation = doc.paths["/api/v1/config/"]?.get;
    expect(operation?.security).toEqual([]);
    expect(operation?.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/PublicConfig",
    });
  });
});

describe("GET /config with the defaults", () => {
  const defaults = useTestApp();

  it("reports 25 MB, 7 days and an open sign-up", async () => {
    const response = await defaults.app.inject(request);
    expect(response.json()).toEqual({
      max_upload_bytes: 25 * 1024 * 1024,
      invitation_ttl_days: 7,
      broker_signup: true,
    });
  });
});

describePublicRoute("GET /config", ctx, async () => ({
  request,
  user: await createBroker(ctx),
}));
