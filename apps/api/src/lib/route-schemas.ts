// What the routes of every module declare alike: their error responses, their role configs and
// the shape of a numeric id in the path. One place, so OpenAPI and validation agree everywhere.
import { errorBodySchema } from "@portail/shared";
import { z } from "zod";

type ErrorResponses<S extends number> = { [K in S]: typeof errorBodySchema };

/** Error responses of the given statuses, all with the one error body (SPEC §4). */
export function errorResponses<const S extends number>(...statuses: S[]): ErrorResponses<S> {
  return Object.fromEntries(
    statuses.map((status) => [status, errorBodySchema]),
  ) as ErrorResponses<S>;
}

/**
 * What any authenticated route may answer: invalid input, no or bad token, a role or access
 * flag that does not allow it, and absent or another tenant's object. Spread it, then add the
 * route's own (`...errorResponses(409)`).
 */
export const routeErrors = errorResponses(400, 401, 403, 404);

/** Route config of the routes only a broker calls; anyone else signed in gets 403. */
export const brokerOnly = { roles: ["courtier"] } as const;

// Our ids are PostgreSQL `integer` columns: a larger number is refused here (400), before it
// reaches a query that would fail on it (500).
const databaseId = z.coerce.number().int().positive().max(2_147_483_647);

export const idParams = z.object({ id: databaseId });
export const transactionParams = z.object({ transaction_id: databaseId });
