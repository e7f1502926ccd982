import type { Invitation, InvitationPage } from "@portail/shared";
import {
  ArrowDown,
  ArrowUp,
  ArrowUpDown,
  ChevronLeft,
  ChevronRight,
  FileText,
  ListChecks,
  Mail,
  MessageSquare,
  Phone,
  SearchX,
  UserPlus,
  Users,
} from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/Table";
import { Link } from "@/i18n/navigation";
import { formatDateTime } from "@/lib/format";
import { paths } from "@/lib/paths";
import { StatutBadge, TypeProjetLabel } from "./_components/Badges";
import { ProgressBar } from "./_components/ProgressBar";
import { formatDay } from "./_lib/dates";
import {
  CLIENTS_PAGE_SIZE,
  hasFilters,
  type ListParams,
  listHref,
  type SortField,
  sortOf,
  sortToggle,
} from "./_lib/list-query";

export const workspacePath = (id: number, tab?: string) =>
  `${paths.courtierClients}/${id}${tab ? `?onglet=${tab}` : ""}`;

/**
 * The clients of one page of the list: a table on wide screens whose rows become cards on
 * narrower ones (one structure: rendering a table and a card list, one hidden by CSS, doubled
 * the DOM and the hydration work), or the right empty state (no client yet: invite one;
 * nothing matches the filters: clear them).
 */
export function ClientsResults({ page, params }: { page: InvitationPage; params: ListParams }) {
  const t = useTranslations("clientsList");

  if (page.stats.total === 0) {
    return (
      <EmptyState
        icon={<Users aria-hidden="true" className="size-10 text-accent-700" />}
        title={t("empty.title")}
        body={t("empty.body")}
        action={
          <Link href={paths.courtierInvite} className={buttonClasses("primary")}>
            <UserPlus aria-hidden="true" className="size-4" />
            {t("empty.action")}
          </Link>
        }
      />
    );
  }

  if (page.items.length === 0) {
    const beyondLastPage = page.total > 0;
    return (
      <EmptyState
        icon={<SearchX aria-hidden="true" className="size-10 text-gray-600" />}
        title={beyondLastPage ? t("noResults.pageTitle") : t("noResults.title")}
        body={beyondLastPage ? t("noResults.pageBody") : t("noResults.body")}
        action={
          <Link
            href={`${paths.courtierClients}${
              beyondLastPage
                ? listHref(params, { page: 1 })
                : listHref(params, { q: undefined, statut: undefined, type_projet: undefined })
            }`}
            className={buttonClasses("secondary")}
          >
            {beyondLastPage ? t("noResults.firstPage") : t("noResults.action")}
          </Link>
        }
      />
    );
  }

  const from = page.skip + 1;
  const to = page.skip + page.items.length;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-gray-700" aria-live="polite">
        {t("results", { from, to, total: page.total })}
        {hasFilters(params) && (
          <>
            {" · "}
            <Link
              href={`${paths.courtierClients}${listHref(params, { q: undefined, statut: undefined, type_projet: undefined })}`}
              className="font-medium text-accent-700 underline-offset-2 hover:underline"
            >
              {t("filters.clear")}
            </Link>
          </>
        )}
      </p>
      <ClientsTable items={page.items} params={params} />
      <Pagination page={page} params={params} />
    </div>
  );
}

function EmptyState({
  icon,
  title,
  body,
  action,
}: {
  icon: ReactNode;
  title: string;
  body: string;
  action: ReactNode;
}) {
  return (
    <Card className="flex flex-col items-center gap-3 py-12 text-center">
      <span className="inline-flex size-16 items-center justify-center rounded-2xl bg-accent-50">
        {icon}
      </span>
      <h2 className="text-lg font-semibold text-gray-900">{title}</h2>
      <p className="max-w-md text-sm text-gray-700">{body}</p>
      <div className="mt-2">{action}</div>
    </Card>
  );
}

function SortHeader({
  field,
  label,
  params,
  className,
}: {
  field: SortField;
  label: string;
  params: ListParams;
  className?: string;
}) {
  const current = sortOf(params);
  const active = current.field === field;
  const Icon = !active ? ArrowUpDown : current.order === "asc" ? ArrowUp : ArrowDown;
  return (
    <Th
      role="columnheader"
      aria-sort={active ? (current.order === "asc" ? "ascending" : "descending") : undefined}
      className={className}
    >
      <Link
        href={`${paths.courtierClients}${listHref(params, { sort: sortToggle(params, field) })}`}
        className={cn(
          "inline-flex items-center gap-1 rounded whitespace-nowrap hover:text-gray-900",
          active && "text-accent-800",
        )}
      >
        {label}
        <Icon aria-hidden="true" className="size-3.5" />
      </Link>
    </Th>
  );
}

// Below xl the table is laid out as a grid of cards: each row is a card on three columns
// (name | statut; contact; projet | last login; progression; activity; details), the header
// row hidden (the filters' sort select stays). CSS display changes can strip table semantics
// in some browsers, so the roles are also given explicitly.
const CARD_ROW =
  "max-xl:grid max-xl:grid-cols-[auto_minmax(0,1fr)_auto] max-xl:grid-rows-[repeat(4,auto)_1fr_auto] max-xl:gap-x-3 max-xl:gap-y-4 max-xl:rounded-2xl max-xl:border max-xl:border-gray-200 max-xl:bg-white max-xl:p-6 max-xl:shadow-sm";
const CARD_CELL = "max-xl:p-0";
const FULL_WIDTH = "max-xl:col-span-3";

export function ClientsTable({ items, params }: { items: Invitation[]; params: ListParams }) {
  const t = useTranslations("clientsList.table");
  return (
    <Table
      caption={t("caption")}
      captionHidden
      className="max-xl:overflow-visible max-xl:rounded-none max-xl:border-0 max-xl:bg-transparent max-xl:shadow-none"
      tableClassName="max-xl:block"
      role="table"
    >
      <THead role="rowgroup" className="max-xl:hidden">
        <Tr role="row">
          <SortHeader field="nom" label={t("client")} params={params} />
          <Th role="columnheader">{t("contact")}</Th>
          <Th role="columnheader">{t("projet")}</Th>
          <SortHeader field="statut" label={t("statut")} params={params} />
          <SortHeader field="progression" label={t("progression")} params={params} />
          <Th role="columnheader">{t("activite")}</Th>
          <SortHeader field="derniere_connexion" label={t("derniereConnexion")} params={params} />
          <Th role="columnheader">
            <span className="sr-only">{t("actions")}</span>
          </Th>
        </Tr>
      </THead>
      <TBody
        role="rowgroup"
        className="max-xl:grid max-xl:gap-4 max-xl:divide-y-0 md:max-xl:grid-cols-2"
      >
        {items.map((invitation) => (
          <ClientRow key={invitation.id} invitation={invitation} />
        ))}
      </TBody>
    </Table>
  );
}

function ClientRow({ invitation }: { invitation: Invitation }) {
  const t = useTranslations("clientsList.table");
  const locale = useLocale();
  const name = `${invitation.prenom} ${invitation.nom}`;
  return (
    <Tr role="row" className={cn("xl:hover:bg-gray-50", CARD_ROW)}>
      <Td role="cell" className={cn(CARD_CELL, "max-xl:col-span-2 max-xl:row-start-1")}>
        <Link
          href={workspacePath(invitation.id)}
          className="font-medium text-gray-900 hover:text-accent-700 hover:underline max-xl:font-semibold xl:whitespace-nowrap"
        >
          {name}
        </Link>
        <p className="mt-0.5 text-xs text-gray-600 xl:whitespace-nowrap">
          {t("invitedOn", { date: formatDay(invitation.date_invitation, locale) })}
        </p>
      </Td>
      <Td role="cell" className={cn(CARD_CELL, FULL_WIDTH, "max-xl:row-start-2")}>
        <ContactLines invitation={invitation} />
      </Td>
      <Td role="cell" className={cn(CARD_CELL, "max-xl:col-start-1 max-xl:row-start-3")}>
        <TypeProjetLabel type={invitation.type_projet} />
      </Td>
      <Td
        role="cell"
        className={cn(CARD_CELL, "max-xl:col-start-3 max-xl:row-start-1 max-xl:justify-self-end")}
      >
        <StatutBadge statut={invitation.statut} />
      </Td>
      <Td role="cell" className={cn(CARD_CELL, FULL_WIDTH, "min-w-36 max-xl:row-start-4")}>
        <Progression invitation={invitation} />
      </Td>
      <Td role="cell" className={cn(CARD_CELL, FULL_WIDTH, "max-xl:row-start-5")}>
        <Activity invitation={invitation} />
      </Td>
      <Td
        role="cell"
        className={cn(
          CARD_CELL,
          "text-sm whitespace-nowrap max-xl:col-span-2 max-xl:col-start-2 max-xl:row-start-3 max-xl:self-center max-xl:text-right max-xl:text-xs max-xl:whitespace-normal max-xl:text-gray-600",
        )}
      >
        <span className="xl:hidden">{t("lastLoginLabel")} </span>
        <LastLogin invitation={invitation} />
      </Td>
      <Td role="cell" className={cn(CARD_CELL, FULL_WIDTH, "text-right max-xl:row-start-6")}>
        <DetailsLink invitation={invitation} />
      </Td>
    </Tr>
  );
}

function ContactLines({ invitation }: { invitation: Invitation }) {
  return (
    <div className="flex flex-col gap-1 text-sm xl:whitespace-nowrap">
      <a
        href={`mailto:${invitation.email}`}
        className="inline-flex items-center gap-1.5 text-gray-800 hover:text-accent-700 hover:underline max-xl:min-w-0 max-xl:wrap-anywhere"
      >
        <Mail aria-hidden="true" className="size-3.5 shrink-0 text-gray-600" />
        {invitation.email}
      </a>
      {invitation.telephone && (
        <a
          href={`tel:${invitation.telephone.replace(/[^\d+]/g, "")}`}
          className="inline-flex items-center gap-1.5 text-gray-800 hover:text-accent-700 hover:underline"
        >
          <Phone aria-hidden="true" className="size-3.5 shrink-0 text-gray-600" />
          {invitation.telephone}
        </a>
      )}
    </div>
  );
}

function Progression({ invitation }: { invitation: Invitation }) {
  const t = useTranslations("clientsList.table");
  if (invitation.activite.progression === null) {
    return <span className="text-sm text-gray-600">{t("noTransaction")}</span>;
  }
  return <ProgressBar value={invitation.activite.progression} />;
}

function Activity({ invitation }: { invitation: Invitation }) {
  const t = useTranslations("clientsList.table");
  const { documents, messages_non_lus, taches_completees, taches_total } = invitation.activite;
  return (
    <ul
      aria-label={t("activite")}
      className="flex gap-x-4 gap-y-1 text-xs text-gray-700 max-xl:flex-wrap xl:flex-col"
    >
      <li className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <FileText aria-hidden="true" className="size-3.5 text-gray-600" />
        {t("documents", { count: documents })}
      </li>
      <li className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <MessageSquare
          aria-hidden="true"
          className={cn("size-3.5", messages_non_lus > 0 ? "text-accent-700" : "text-gray-600")}
        />
        {messages_non_lus > 0 ? (
          <Link
            href={workspacePath(invitation.id, "messages")}
            className="font-semibold text-accent-700 hover:underline"
          >
            {t("unread", { count: messages_non_lus })}
          </Link>
        ) : (
          t("unread", { count: 0 })
        )}
      </li>
      <li className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <ListChecks aria-hidden="true" className="size-3.5 text-gray-600" />
        {t("tasks", { done: taches_completees, total: taches_total })}
      </li>
    </ul>
  );
}

function LastLogin({ invitation }: { invitation: Invitation }) {
  const t = useTranslations("clientsList.table");
  const locale = useLocale();
  return invitation.derniere_connexion ? (
    <time dateTime={invitation.derniere_connexion}>
      {formatDateTime(invitation.derniere_connexion, locale)}
    </time>
  ) : (
    <span className="text-gray-600">{t("never")}</span>
  );
}

function DetailsLink({ invitation }: { invitation: Invitation }) {
  const t = useTranslations("clientsList.table");
  return (
    <Link
      href={workspacePath(invitation.id)}
      className={buttonClasses("secondary", "whitespace-nowrap max-xl:w-full")}
    >
      {t("details")}
      <span className="sr-only">
        {" "}
        — {invitation.prenom} {invitation.nom}
      </span>
    </Link>
  );
}

function Pagination({ page, params }: { page: InvitationPage; params: ListParams }) {
  const t = useTranslations("clientsList.pagination");
  const pages = Math.max(1, Math.ceil(page.total / CLIENTS_PAGE_SIZE));
  if (pages <= 1) return null;
  const current = params.page;
  const link = (target: number, label: string, Icon: typeof ChevronLeft, iconFirst: boolean) =>
    target >= 1 && target <= pages ? (
      <Link
        href={`${paths.courtierClients}${listHref(params, { page: target })}`}
        className={buttonClasses("secondary")}
        rel={target < current ? "prev" : "next"}
      >
        {iconFirst && <Icon aria-hidden="true" className="size-4" />}
        {label}
        {!iconFirst && <Icon aria-hidden="true" className="size-4" />}
      </Link>
    ) : (
      <span
        aria-disabled="true"
        className={buttonClasses("secondary", "cursor-not-allowed text-gray-500")}
      >
        {iconFirst && <Icon aria-hidden="true" className="size-4" />}
        {label}
        {!iconFirst && <Icon aria-hidden="true" className="size-4" />}
      </span>
    );
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-3">
      {link(current - 1, t("previous"), ChevronLeft, true)}
      <p className="text-sm text-gray-700">{t("page", { page: current, pages })}</p>
      {link(current + 1, t("next"), ChevronRight, false)}
    </nav>
  );
}
