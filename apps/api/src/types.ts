import type { Role } from "@portail/shared";
import type { Config } from "./config.ts";
import type { Database, Db } from "./db/client.ts";

/** The authenticated caller, loaded fresh from the database on every request. */
export interface Actor {
  id: number;
  role: Role;
  email: string;
  first_name: string;
  last_name: string;
  locale: "fr" | "en";
  /** Set for clients: the invitation their account was activated from. */
  client_invitation_id: number | null;
  session_id: string;
}

declare module "fastify" {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Db;
  }
  interface FastifyRequest {
    /** Set by the auth plugin on every non-public route; absent on public ones. */
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** Marks a route reachable without a token. Every other route requires one. */
    public?: boolean;
    /** Roles allowed on the route; any authenticated role when omitted. */
    roles?: readonly Role[];
  }
}
