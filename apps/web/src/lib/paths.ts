import type { Role } from "@portail/shared";
import { routing } from "@/i18n/routing";

/** Paths without the locale prefix; next-intl's Link and redirect add it. */
export const paths = {
  login: "/login",
  register: "/register",
  forgotPassword: "/forgot-password",
  resetPassword: (token: string) => `/reset-password/${encodeURIComponent(token)}`,
  dashboard: "/dashboard",
  courtierClients: "/dashboard/portail-client/courtier/clients",
  courtierInvite: "/dashboard/portail-client/courtier/clients/inviter",
  clientHome: "/dashboard/portail-client/client",
} as const;

type HomeUser = { role: Role };

/** Where a guard sends a signed-in user who opened a page of another role. */
export function roleHomePath(user: HomeUser): string {
  return user.role === "client" ? paths.clientHome : paths.courtierClients;
}

/** Where a user lands after signing in when no page was asked for. */
export function landingPath(user: HomeUser): string {
  return user.role === "client" ? paths.clientHome : paths.dashboard;
}

export const withLocale = (locale: string, path: string) => `/${locale}${path}`;

const AUTH_PAGES = ["/login", "/register", "/forgot-password", "/reset-password"];

/**
 * Validates the `next` parameter of the login page: only a path of this site under a locale,
 * never another origin (`//evil.example`, `/\evil`) nor an auth page (which would loop).
 * Returns the path with its query, or null.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(next, "http://portail.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://portail.invalid") return null;
  const [, locale, ...rest] = url.pathname.split("/");
  if (!locale || !(routing.locales as readonly string[]).includes(locale)) return null;
  const unprefixed = `/${rest.join("/")}`;
  if (AUTH_PAGES.some((page) => unprefixed === page || unprefixed.startsWith(`${page}/`))) {
    return null;
  }
  return url.pathname + url.search;
}
