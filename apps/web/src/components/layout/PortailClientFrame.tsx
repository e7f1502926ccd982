import type { User } from "@portail/shared";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Brand } from "./Brand";
import { LocaleSwitcher } from "./LocaleSwitcher";
import { UserMenu } from "./UserMenu";

/**
 * The client's frame: no broker menu. The portal's own sidebar (Dashboard, Documents,
 * Messagerie, Tâches, each behind its access flag) is added with the client pages.
 */
export function PortailClientFrame({ user, children }: { user: User; children: ReactNode }) {
  const t = useTranslations("common");
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        {t("skipToContent")}
      </a>
      <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-gray-200 bg-white px-4 sm:px-6">
        <Brand compactOnPhone />
        <div className="ml-auto flex items-center gap-2 sm:gap-4">
          <LocaleSwitcher />
          <UserMenu firstName={user.first_name} lastName={user.last_name} email={user.email} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
