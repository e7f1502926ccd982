import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import type { TestContext } from "./context.ts";
import { deactivateUser, type TestUser } from "./factories.ts";

/** What one route's authorization test needs, built fresh for every check. */
export interface AuthorizationScenario {
  /** The request without credentials; the suite adds the Authorization header. */
  request: InjectOptions;
  /** A user the route must serve. */
  owner: TestUser;
  /** Another tenant's broker: must get 404, as if the object did not exist. */
  otherBroker?: TestUser;
  /** A signed-in user of a role the route refuses: must get 403. */
  wrongRole?: TestUser;
  /** The owner's client with the route's access flag off: must get 403. */
  clientWithoutAccess?: TestUser;
  /** Database state that a refused request must leave untouched. */
  snapshot?: () => Promise<unknown>;
}

const withAuth = (request: InjectOptions, user?: TestUser): InjectOptions => ({
  ...request,
  headers: { ...(request.headers ?? {}), ...(user ? user.auth : {}) },
});

/**
 * The shared security suite every route's test file calls (STYLE.md): no token → 401,
 * a bad token → 401, a deactivated user → 401, a revoked session → 401, another broker → 404,
 * the wrong role → 403, a client whose access flag is off → 403; the database unchanged after
 * each refusal; and the owner served, so the refusals are not an accident of a broken request.
 */
export function describeAuthorization(
  name: string,
  ctx: TestContext,
  setup: (ctx: TestContext) => Promise<AuthorizationScenario>,
) {
  describe(`authorization: ${name}`, () => {
    async function expectRefused(
      scenario: AuthorizationScenario,
      request: InjectOptions,
      status: number,
      code?: string,
    ) {
      const before = await scenario.snapshot?.();
      const response = await ctx.app.inject(request);
      expect(response.statusCode, response.body).toBe(status);
      const body = response.json();
      expect(body.error.request_id).toBeTruthy();
      if (code) expect(body.error.code).toBe(code);
      if (scenario.snapshot) expect(await scenario.snapshot()).toEqual(before);
    }

    it("answers 401 without a token", async () => {
      const scenario = await setup(ctx);
      await expectRefused(scenario, withAuth(scenario.request), 401, "UNAUTHORIZED");
    });

    it("answers 401 with a forged token", async () => {
      const scenario = await setup(ctx);
      const forged = withAuth(scenario.request);
      forged.headers = { ...forged.headers, authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x" };
      await expectRefused(scenario, forged, 401, "INVALID_TOKEN");
    });

    it("answers 401 once the user is deactivated", async () => {
      const scenario = await setup(ctx);
      await deactivateUser(ctx, scenario.owner.user.id);
      await expectRefused(scenario, withAuth(scenario.request, scenario.owner), 401);
    });

    it("answers 401 after the session was signed out", async () => {
      const scenario = await setup(ctx);
      const logout = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/auth/logout",
        headers: scenario.owner.auth,
      });
      expect(logout.statusCode).toBe(204);
      await expectRefused(scenario, withAuth(scenario.request, scenario.owner), 401);
    });

    it("answers 404 to another broker, 403 to a wrong role or a disabled access flag", async () => {
      const scenario = await setup(ctx);
      if (scenario.otherBroker) {
        await expectRefused(
          scenario,
          withAuth(scenario.request, scenario.otherBroker),
          404,
          "NOT_FOUND",
        );
      }
      if (scenario.wrongRole) {
        await expectRefused(scenario, withAuth(scenario.request, scenario.wrongRole), 403);
      }
      if (scenario.clientWithoutAccess) {
        await expectRefused(
          scenario,
          withAuth(scenario.request, scenario.clientWithoutAccess),
          403,
        );
      }
    });

    it("serves the owner", async () => {
      const scenario = await setup(ctx);
      const response = await ctx.app.inject(withAuth(scenario.request, scenario.owner));
      expect(response.statusCode, response.body).toBeLessThan(400);
    });
  });
}

/**
 * The counterpart for a route marked `config.public`: it serves anyone, and credentials
 * change nothing. A forged, signed-out or deactivated user's token must not turn it into a
 * 401 (the web app forwards whatever cookie it holds), nor change what it answers.
 */
export function describePublicRoute(
  name: string,
  ctx: TestContext,
  setup: (ctx: TestContext) => Promise<{ request: InjectOptions; user: TestUser }>,
) {
  describe(`authorization: ${name} (public)`, () => {
    it("serves a caller without a token", async () => {
      const { request } = await setup(ctx);
      const response = await ctx.app.inject(request);
      expect(response.statusCode, response.body).toBeLessThan(400);
    });

    it("serves the same answer whatever token comes with the request", async () => {
      const { request, user } = await setup(ctx);
      const anonymous = await ctx.app.inject(request);
      const forged = withAuth(request);
      forged.headers = { ...forged.headers, authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x" };
      const signedIn = await ctx.app.inject(withAuth(request, user));
      const withForged = await ctx.app.inject(forged);
      await deactivateUser(ctx, user.user.id);
      const deactivated = await ctx.app.inject(withAuth(request, user));
      for (const response of [signedIn, withForged, deactivated]) {
        expect(response.statusCode, response.body).toBe(anonymous.statusCode);
        expect(response.body).toBe(anonymous.body);
      }
    });
  });
}
