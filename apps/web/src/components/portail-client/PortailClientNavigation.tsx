"use client";

import type { AccessFlagsBody } from "@portail/shared";
import { LogOut, Menu } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { Drawer } from "@/components/layout/Drawer";
import { cn } from "@/components/ui/cn";
import { Link, usePathname } from "@/i18n/navigation";
import { logoutAction } from "@/lib/auth-actions";
import { PORTAIL_CLIENT_PATHS, visibleNavigation } from "@/lib/constants/portail-client";
import { activeHref } from "@/lib/navigation";

export interface PortailClientNavigationProps {
  /** The client's access flags; null when they could not be read (only the dashboard shows). */
  acces: AccessFlagsBody | null;
  /** Broker messages not read yet, shown as a badge on Messagerie. */
  unreadMessages?: number;
  onNavigate?: () => void;
}

const NO_ACCESS: AccessFlagsBody = {
  acces_documents: false,
  acces_messagerie: false,
  acces_taches: false,
  acces_calendrier: false,
  acces_proprietes: false,
};

/**
 * The client's menu (plan §4.2): Dashboard, Documents, Messagerie, Tâches, each hidden when the
 * broker turned its access flag off. Never the broker's menu.
 */
export function PortailClientNavigation(props: PortailClientNavigationProps) {
  return (
    <Suspense fallback={<NavList {...props} query="" />}>
      <NavWithQuery {...props} />
    </Suspense>
  );
}

function NavWithQuery(props: PortailClientNavigationProps) {
  // The transaction switcher's choice follows the client from page to page.
  const transactionId = useSearchParams().get("transaction_id");
  const query = transactionId ? `?${new URLSearchParams({ transaction_id: transactionId })}` : "";
  return <NavList {...props} query={query} />;
}

function NavList({
  acces,
  unreadMessages = 0,
  onNavigate,
  query,
}: PortailClientNavigationProps & { query: string }) {
  const t = useTranslations("portal.nav");
  const pathname = usePathname();
  const items = visibleNavigation(acces ?? NO_ACCESS);
  const longest = activeHref(
    pathname,
    items.map((item) => item.href),
  );
  // The dashboard is every module's parent: it is current only on its own page, not on a
  // hidden module's « Accès refusé ».
  const active =
    longest === PORTAIL_CLIENT_PATHS.dashboard && pathname.replace(/\/+$/, "") !== longest
      ? undefined
      : longest;
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-col gap-1">
        {items.map(({ href, labelKey, icon: Icon }) => {
          const current = href === active;
          const badge = labelKey === "messages" && unreadMessages > 0 ? unreadMessages : 0;
          return (
            <li key={href}>
              <Link
                href={`${href}${query}`}
                onClick={onNavigate}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex min-h-11 items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium",
                  current
                    ? "bg-accent-50 text-accent-700"
                    : "text-gray-700 hover:bg-gray-100 hover:text-gray-900",
                )}
              >
                <Icon aria-hidden="true" className="size-5 shrink-0" />
                <span className="flex-1">{t(labelKey)}</span>
                {badge > 0 && (
                  <span className="inline-flex min-w-6 items-center justify-center rounded-full bg-accent-600 px-1.5 py-0.5 text-xs font-semibold text-white">
                    {badge}
                    <span className="sr-only"> {t("unread", { count: badge })}</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export interface PortailClientProfileProps {
  firstName: string;
  lastName: string;
  email: string;
}

/** Who is signed in, and the way out; at the bottom of the sidebar and of the phone drawer. */
export function PortailClientProfile({ firstName, lastName, email }: PortailClientProfileProps) {
  const t = useTranslations("portal.nav");
  const initials = `${firstName.charAt(0)}${lastName.charAt(0)}`.toUpperCase();
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-gray-200 bg-gray-50 p-3">
      <div className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className="inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-accent-100 text-sm font-semibold text-accent-800"
        >
          {initials}
        </span>
        <div className="min-w-0">
          <p className="truncate text-sm font-medium text-gray-900">
            {firstName} {lastName}
          </p>
          <p className="truncate text-xs text-gray-600">{email}</p>
        </div>
      </div>
      <form action={logoutAction}>
        <button
          type="submit"
          className="flex min-h-10 w-full items-center justify-center gap-2 rounded-lg border border-gray-300 bg-white px-3 text-sm font-medium text-gray-800 hover:bg-gray-100"
        >
          <LogOut aria-hidden="true" className="size-4" />
          {t("logout")}
        </button>
      </form>
    </div>
  );
}

/** The same menu as a drawer on phones. */
export function PortailClientMobileNav({
  profile,
  ...navigation
}: PortailClientNavigationProps & { profile: PortailClientProfileProps }) {
  const t = useTranslations("portal.nav");
  return (
    <Drawer
      openLabel={t("openMenu")}
      closeLabel={t("closeMenu")}
      title={t("label")}
      description={t("drawerDescription")}
      triggerClassName="relative inline-flex size-10 items-center justify-center rounded-lg text-gray-700 hover:bg-gray-100 lg:hidden"
      trigger={
        <>
          <Menu aria-hidden="true" className="size-6" />
          {(navigation.unreadMessages ?? 0) > 0 && navigation.acces?.acces_messagerie && (
            <span
              aria-hidden="true"
              className="absolute top-1.5 right-1.5 size-2.5 rounded-full bg-accent-600 ring-2 ring-white"
            />
          )}
        </>
      }
    >
      {(close) => (
        <>
          <PortailClientNavigation {...navigation} onNavigate={close} />
          <div className="mt-auto">
            <PortailClientProfile {...profile} />
          </div>
        </>
      )}
    </Drawer>
  );
}
