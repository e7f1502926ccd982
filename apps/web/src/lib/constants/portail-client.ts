import type { AccessFlagsBody, StatutTransaction } from "@portail/shared";
import {
  CheckSquare,
  FileText,
  LayoutDashboard,
  type LucideIcon,
  MessageSquare,
} from "lucide-react";

/** Paths of the client's portal, without the locale prefix (next-intl's Link adds it). */
export const PORTAIL_CLIENT_PATHS = {
  dashboard: "/dashboard/portail-client/client",
  documents: "/dashboard/portail-client/client/documents",
  messages: "/dashboard/portail-client/client/messages",
  taches: "/dashboard/portail-client/client/taches",
} as const;

export interface PortailClientNavItem {
  href: string;
  /** Key under `portal.nav.*` in the messages. */
  labelKey: "dashboard" | "documents" | "messages" | "taches";
  icon: LucideIcon;
  /** The access flag the broker turns off to hide this module; none for the dashboard. */
  flag?: keyof AccessFlagsBody;
}

/** The client's own sidebar (plan §4.2): never the broker's menu. */
export const PORTAIL_CLIENT_NAVIGATION: readonly PortailClientNavItem[] = [
  { href: PORTAIL_CLIENT_PATHS.dashboard, labelKey: "dashboard", icon: LayoutDashboard },
  {
    href: PORTAIL_CLIENT_PATHS.documents,
    labelKey: "documents",
    icon: FileText,
    flag: "acces_documents",
  },
  {
    href: PORTAIL_CLIENT_PATHS.messages,
    labelKey: "messages",
    icon: MessageSquare,
    flag: "acces_messagerie",
  },
  {
    href: PORTAIL_CLIENT_PATHS.taches,
    labelKey: "taches",
    icon: CheckSquare,
    flag: "acces_taches",
  },
];

/** The items a client may see with these access flags. */
export function visibleNavigation(acces: AccessFlagsBody): readonly PortailClientNavItem[] {
  return PORTAIL_CLIENT_NAVIGATION.filter((item) => !item.flag || acces[item.flag]);
}

/** The track of a transaction's statuts, in order; `annulee` is outside it. */
export const STATUT_TRACK = [
  "recherche",
  "offre",
  "inspection",
  "financement",
  "notaire",
  "complete",
] as const satisfies readonly StatutTransaction[];

/** Days ahead (today included) in which an open task counts as « Échéance proche ». */
export const ECHEANCE_PROCHE_DAYS = 3;

/** Québec's time zone, in which « today » is decided for due dates. */
export const QUEBEC_TIME_ZONE = "America/Toronto";

/** How often the message thread asks for new messages while the tab is visible. */
export const MESSAGE_POLL_MS = 4000;
