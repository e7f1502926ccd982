import { DEFAULT_LOCALE, LOCALES } from "@portail/shared/constants";
import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  // Every URL carries its locale (`/fr/...`, `/en/...`): links in emails and bookmarks stay
  // in the language they were made in.
  localePrefix: "always",
});

export type AppLocale = (typeof routing.locales)[number];

/** Intl locale used for dates and money: Canadian conventions in both languages. */
export const intlLocale = (locale: string) => (locale === "en" ? "en-CA" : "fr-CA");
