import { House, type LucideIcon, UserPlus, Users } from "lucide-react";
import { paths } from "@/lib/paths";

export interface NavItem {
  /** Path without the locale prefix. */
  href: string;
  /** Key under `nav.*` in the messages. */
  labelKey: string;
  icon: LucideIcon;
}

export interface NavGroup {
  /** Key under `nav.*`; a group without a label is the top of the sidebar. */
  labelKey?: string;
  items: NavItem[];
}

/** The broker's sidebar (plan §4.1). Other engineers add their groups here. */
export const courtierNavigation: NavGroup[] = [
  { items: [{ href: paths.dashboard, labelKey: "home", icon: House }] },
  {
    labelKey: "portailClient",
    items: [
      { href: paths.courtierClients, labelKey: "clientList", icon: Users },
      { href: paths.courtierInvite, labelKey: "inviteClient", icon: UserPlus },
    ],
  },
];

/**
 * The item to highlight for a path (without locale): the longest href that is the path or
 * one of its parents, so « Inviter un client » wins over « Liste des clients » on /inviter
 * and a client's detail page still lights up the list.
 */
export function activeHref(pathname: string, hrefs: readonly string[]): string | undefined {
  const path = pathname.replace(/\/+$/, "") || "/";
  let best: string | undefined;
  for (const href of hrefs) {
    const matches = path === href || path.startsWith(`${href}/`);
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}
