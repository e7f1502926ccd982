import { render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement, ReactNode } from "react";
import en from "../messages/en.json";
import fr from "../messages/fr.json";

const messages = { fr, en };

/** Renders with the app's real messages, as the [locale] layout does (rerender keeps them). */
export function renderWithIntl(ui: ReactElement, locale: "fr" | "en" = "fr") {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="America/Toronto">
      {children}
    </NextIntlClientProvider>
  );
  return render(ui, { wrapper });
}
