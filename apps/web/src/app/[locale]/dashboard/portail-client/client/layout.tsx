import type { ClientDashboard } from "@portail/shared";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Brand } from "@/components/layout/Brand";
import { LocaleSwitcher } from "@/components/layout/LocaleSwitcher";
import { UserMenu } from "@/components/layout/UserMenu";
import {
  PortailClientMobileNav,
  PortailClientNavigation,
  PortailClientProfile,
} from "@/components/portail-client/PortailClientNavigation";
import { Link } from "@/i18n/navigation";
import { ApiError } from "@/lib/api/errors";
import { requirePortailClient } from "@/lib/auth-guards";
import { PORTAIL_CLIENT_PATHS } from "@/lib/constants/portail-client";
import { getClientDashboard } from "./data";

/**
 * The client's portal (plan §4.2, §5.2): its own sidebar, never the broker's menu. The access
 * flags and the unread count come from the dashboard endpoint, which the page reuses.
 */
export default async function PortailClientLayout({ children }: { children: ReactNode }) {
  const user = await requirePortailClient();
  let dashboard: ClientDashboard | null = null;
  try {
    dashboard = await getClientDashboard();
  } catch (error) {
    // An outage must not take the frame down: the page shows its own error with a retry.
    if (!(error instanceof ApiError)) throw error;
  }
  const navigation = {
    acces: dashboard?.acces ?? null,
    unreadMessages: dashboard?.stats.unread_messages ?? 0,
  };
  const profile = { firstName: user.first_name, lastName: user.last_name, email: user.email };
  return (
    <Frame
      navigation={navigation}
      profile={profile}
      sidebar={<PortailClientNavigation {...navigation} />}
    >
      {children}
    </Frame>
  );
}

function Frame({
  navigation,
  profile,
  sidebar,
  children,
}: {
  navigation: { acces: ClientDashboard["acces"] | null; unreadMessages: number };
  profile: { firstName: string; lastName: string; email: string };
  sidebar: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <div className="min-h-dvh lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        {t("skipToContent")}
      </a>
      <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col gap-8 overflow-y-auto border-r border-gray-200 bg-white px-4 py-6 lg:flex">
        <Link href={PORTAIL_CLIENT_PATHS.dashboard} className="rounded-lg px-2">
          <Brand />
        </Link>
        {sidebar}
        <div className="mt-auto">
          <PortailClientProfile {...profile} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-gray-200 bg-white px-4 sm:px-6">
          <PortailClientMobileNav {...navigation} profile={profile} />
          <Link href={PORTAIL_CLIENT_PATHS.dashboard} className="rounded-lg lg:hidden">
            <Brand compactOnPhone />
          </Link>
          <div className="ml-auto flex items-center gap-2 sm:gap-4">
            <LocaleSwitcher />
            <UserMenu
              firstName={profile.firstName}
              lastName={profile.lastName}
              email={profile.email}
            />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
