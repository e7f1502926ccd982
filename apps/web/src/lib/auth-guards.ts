import "server-only";
import { type User, userSchema } from "@portail/shared";
import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { redirect } from "@/i18n/navigation";
import { ApiError } from "./api/errors";
import { apiJson } from "./api/server";
import { paths, roleHomePath, safeNextPath } from "./paths";
import { PATHNAME_HEADER } from "./request-meta";

/**
 * The signed-in user, or null. Asked of the API once per request (React `cache`): the API
 * re-reads the user and session each time, so a deactivated account is out at once.
 * Throws ApiError when the API cannot answer, which the error boundary shows as an outage.
 */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  try {
    return await apiJson("/auth/me", userSchema);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
});

/** Sends an anonymous visitor to login, remembering the page they asked for. */
export async function redirectToLogin(): Promise<never> {
  const locale = await getLocale();
  const next = safeNextPath((await headers()).get(PATHNAME_HEADER));
  const query = next ? `?${new URLSearchParams({ next })}` : "";
  return redirect({ href: `${paths.login}${query}`, locale });
}

export async function requireAuth(): Promise<User> {
  const user = await getCurrentUser();
  return user ?? redirectToLogin();
}

async function redirectHome(user: User): Promise<never> {
  return redirect({ href: roleHomePath(user), locale: await getLocale() });
}

/** Broker pages. An admin may open them too (the API decides what an admin may do there). */
export async function requireCourtier(): Promise<User> {
  const user = await requireAuth();
  if (user.role === "courtier" || user.role === "admin") return user;
  return redirectHome(user);
}

/** The client's portal: a client linked to an invitation. */
export async function requirePortailClient(): Promise<User> {
  const user = await requireAuth();
  if (user.role !== "client") return redirectHome(user);
  // A client account without an invitation has no portal; redirecting would loop.
  if (user.client_invitation_id === null) forbidden();
  return user;
}

/**
 * For pages loading data: an API 401 (session ended mid-render) goes to login, a 403 to the
 * « Accès refusé » page; anything else reaches the error boundary.
 */
export async function handlePageApiError(error: unknown): Promise<never> {
  if (error instanceof ApiError) {
    if (error.status === 401) return redirectToLogin();
    if (error.status === 403) forbidden();
  }
  throw error;
}
