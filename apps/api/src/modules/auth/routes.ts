import {
  loginBodySchema,
  logoutBodySchema,
  okResponseSchema,
  passwordResetConfirmBodySchema,
  passwordResetRequestBodySchema,
  refreshBodySchema,
  registerBodySchema,
  tokenResponseSchema,
  userSchema,
} from "@portail/shared";
import type { FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { errorResponses } from "../../lib/route-schemas.ts";
import * as auth from "./service.ts";

// The auth routes answer no 404 but are rate limited and may conflict (email taken).
const errors = errorResponses(400, 401, 403, 409, 429);

const meta = (request: FastifyRequest): auth.ClientMeta => ({
  ip: request.ip,
  userAgent: request.headers["user-agent"],
});

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.db, config: app.config, tokens: app.tokens };
  const { rateLimit } = app.config;
  const window = rateLimit.windowSeconds * 1000;

  // Two limits on credential endpoints: per IP (route config) and per email (below).
  const perIp = { max: rateLimit.authPerIp, timeWindow: window };
  // The per-email check runs as its own preHandler: a second limiter hook on a route is
  // skipped by @fastify/rate-limit once the per-IP one has run, so it must not be one.
  const perEmail = (route: string): preHandlerAsyncHookHandler => {
    const check = app.createRateLimit({
      max: rateLimit.authPerEmail,
      timeWindow: window,
      keyGenerator: (request) =>
        `email:${route}:${(request.body as { email?: string }).email ?? ""}`,
    });
    return async (request) => {
      const limit = await check(request);
      if (limit.isAllowed || !limit.isExceeded) return;
      throw new AppError("RATE_LIMITED", "Too many attempts for this email", {
        headers: { "retry-after": String(limit.ttlInSeconds) },
      });
    };
  };

  app.post(
    "/register",
    {
      config: { public: true, rateLimit: perIp },
      preHandler: perEmail("register"),
      schema: {
        tags: ["auth"],
        summary: "Create a broker (courtier) account and sign in",
        description: "Disabled when BROKER_SIGNUP=closed (403 SIGNUP_CLOSED).",
        security: [],
        body: registerBodySchema,
        response: { 201: tokenResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const session = await auth.register(deps, request.body, meta(request));
      return reply.status(201).send(session);
    },
  );

  app.post(
    "/login",
    {
      config: { public: true, rateLimit: perIp },
      preHandler: perEmail("login"),
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password",
        security: [],
        body: loginBodySchema,
        response: { 200: tokenResponseSchema, ...errors },
      },
    },
    async (request) => auth.login(deps, request.body, meta(request)),
  );

  app.post(
    "/refresh",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "Exchange a refresh token for new tokens (rotation)",
        description:
          "A refresh token works once. Presented again within REFRESH_REUSE_GRACE_SECONDS " +
          "(30 s) of its first use (two tabs refreshing at once), it gets a fresh pair for the " +
          "same session; later, reuse revokes the whole session (401 INVALID_TOKEN).",
        security: [],
        body: refreshBodySchema,
        response: { 200: tokenResponseSchema, ...errors },
      },
    },
    async (request) => auth.refresh(deps, request.body.refresh_token),
  );

  app.post(
    "/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "Revoke the current session",
        // Fastify validates a missing body as null: a bare POST (no body) must still sign out.
        body: logoutBodySchema.nullish(),
        response: { 204: z.null().meta({ description: "Signed out" }), ...errors },
      },
    },
    async (request, reply) => {
      await auth.logout(app.db, request.actor!.session_id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The signed-in user",
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => auth.me(app.db, request.actor!.id),
  );

  app.post(
    "/password-reset/request",
    {
      config: { public: true, rateLimit: perIp },
      preHandler: perEmail("password-reset"),
      schema: {
        tags: ["auth"],
        summary: "Email a password reset link",
        description:
          "Answers 202 whether or not the email belongs to an account; emails nothing to an " +
          "account that may not sign in (deactivated, or a client whose invitation is inactif).",
        security: [],
        body: passwordResetRequestBodySchema,
        response: { 202: okResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await auth.requestPasswordReset({ ...deps, mailer: app.mailer }, request.body);
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    "/password-reset/confirm",
    {
      config: { public: true, rateLimit: perIp },
      schema: {
        tags: ["auth"],
        summary: "Set a new password with the emailed token",
        description:
          "Single use (409); expires after one hour (410). Signs out every device. 404 for an " +
          "unknown link, and for one whose account may no longer sign in.",
        security: [],
        body: passwordResetConfirmBodySchema,
        response: {
          200: okResponseSchema,
          ...errors,
          ...errorResponses(404, 410),
        },
      },
    },
    async (request) => {
      await auth.confirmPasswordReset(deps, request.body);
      return { ok: true as const };
    },
  );
};

export default authRoutes;
