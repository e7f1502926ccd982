import type { User } from "@portail/shared";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { paths } from "@/lib/paths";
import { Brand } from "./Brand";
import { LocaleSwitcher } from "./LocaleSwitcher";
import { MobileNav } from "./MobileNav";
import { SidebarNav } from "./SidebarNav";
import { UserMenu } from "./UserMenu";

/** The broker's frame: sidebar on wide screens, a drawer on phones, a top bar with the user. */
export function DashboardLayout({ user, children }: { user: User; children: ReactNode }) {
  const t = useTranslations("common");
  return (
    <div className="min-h-dvh lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        {t("skipToContent")}
      </a>
      <aside className="hidden w-64 shrink-0 flex-col gap-8 border-r border-gray-200 bg-white px-4 py-6 lg:flex">
        <Link href={paths.dashboard} className="rounded-lg px-2">
          <Brand />
        </Link>
        <SidebarNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-gray-200 bg-white px-4 sm:px-6">
          <MobileNav />
          <Link href={paths.dashboard} className="rounded-lg lg:hidden">
            <Brand compactOnPhone />
          </Link>
          <div className="ml-auto flex items-center gap-2 sm:gap-4">
            <LocaleSwitcher />
            <UserMenu firstName={user.first_name} lastName={user.last_name} email={user.email} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
