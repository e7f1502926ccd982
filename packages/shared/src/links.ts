import type { Locale } from "./enums.ts";

/** Web app paths that the API puts in emails; one definition so links never drift. */
export const webPaths = {
  login: (locale: Locale) => `/${locale}/login`,
  passwordReset: (locale: Locale, token: string) =>
    `/${locale}/reset-password/${encodeURIComponent(token)}`,
  activation: (locale: Locale, token: string) =>
    `/${locale}/portail-client/activation/${encodeURIComponent(token)}`,
};
