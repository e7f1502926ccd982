import type { ClientDashboard } from "@portail/shared";
import {
  ArrowRight,
  CalendarClock,
  CalendarDays,
  CheckSquare,
  FileText,
  Home,
  Mail,
  MessageSquare,
  Phone,
} from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { Link } from "@/i18n/navigation";
import { requirePortailClient } from "@/lib/auth-guards";
import { PORTAIL_CLIENT_PATHS } from "@/lib/constants/portail-client";
import { formatCalendarDate, formatMoney } from "@/lib/format";
import { categoryLabel } from "./categories";
import { DashboardTaches } from "./DashboardTaches";
import { DocumentTypeIcon, NewBadge } from "./DocumentTypeIcon";
import { getClientDashboard, selectedTransactionId } from "./data";
import { formatDay, formatMonthShort, formatTime, formatTimeOfDay } from "./format";
import { StatutTrack } from "./StatutTrack";
import { TransactionSwitcher } from "./TransactionSwitcher";
import { todayInQuebec } from "./taches/due";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "portal" });
  return { title: t("dashboard.title") };
}

type Translator = Awaited<ReturnType<typeof getTranslations<"portal">>>;

/** The client's home (plan §3.4): where the transaction stands and what comes next. */
export default async function ClientDashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const query = await searchParams;
  const user = await requirePortailClient();
  const transactionId = selectedTransactionId(query);
  const data = await getClientDashboard(transactionId);
  const t = await getTranslations({ locale, namespace: "portal" });
  const { transaction, acces } = data;
  // Links keep the transaction the client chose.
  const suffix = transactionId ? `?transaction_id=${transactionId}` : "";

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold text-gray-900 sm:text-3xl">
            {t("dashboard.greeting", { name: user.first_name })}
          </h1>
          <p className="mt-1 text-sm text-gray-600">
            {transaction
              ? t(`dashboard.subtitle.${transaction.type}`)
              : t("dashboard.subtitle.none")}
          </p>
        </div>
        {transaction && data.transactions.length > 1 && (
          <TransactionSwitcher transactions={data.transactions} selectedId={transaction.id} />
        )}
      </header>

      {query.bienvenue === "1" && (
        <Alert tone="success" title={t("dashboard.welcome.title")}>
          {t("dashboard.welcome.body")}
        </Alert>
      )}

      {transaction ? (
        <>
          <QuickStats data={data} t={t} suffix={suffix} />
          <div className="grid gap-6 lg:grid-cols-3">
            <div className="flex flex-col gap-6 lg:col-span-2">
              <ProgressCard transaction={transaction} t={t} locale={locale} />
              {acces.acces_proprietes && (
                <PropertyCard transaction={transaction} t={t} locale={locale} />
              )}
              <EtapesCard etapes={data.prochaines_etapes} t={t} locale={locale} />
              {data.documents_recents && (
                <DocumentsCard
                  documents={data.documents_recents}
                  t={t}
                  locale={locale}
                  href={`${PORTAIL_CLIENT_PATHS.documents}${suffix}`}
                />
              )}
            </div>
            <div className="flex flex-col gap-6">
              <BrokerCard
                courtier={data.courtier}
                t={t}
                writeHref={
                  acces.acces_messagerie ? `${PORTAIL_CLIENT_PATHS.messages}${suffix}` : null
                }
              />
              {data.taches_ouvertes && (
                <Section
                  title={t("dashboard.taches.title")}
                  icon={CheckSquare}
                  link={{
                    href: `${PORTAIL_CLIENT_PATHS.taches}${suffix}`,
                    label: t("dashboard.taches.all"),
                  }}
                >
                  {data.taches_ouvertes.length > 0 ? (
                    <DashboardTaches taches={data.taches_ouvertes} today={todayInQuebec()} />
                  ) : (
                    <Empty>{t("dashboard.taches.empty")}</Empty>
                  )}
                </Section>
              )}
              {data.messages_recents && (
                <MessagesCard
                  messages={data.messages_recents}
                  t={t}
                  locale={locale}
                  href={`${PORTAIL_CLIENT_PATHS.messages}${suffix}`}
                />
              )}
            </div>
          </div>
        </>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="flex flex-col items-center gap-3 py-12 text-center lg:col-span-2">
            <span className="inline-flex size-14 items-center justify-center rounded-full bg-accent-50 text-accent-700">
              <Home aria-hidden="true" className="size-7" />
            </span>
            <h2 className="text-lg font-semibold text-gray-900">
              {t("dashboard.noTransaction.title")}
            </h2>
            <p className="max-w-md text-sm text-gray-700">{t("dashboard.noTransaction.body")}</p>
          </Card>
          <BrokerCard courtier={data.courtier} t={t} writeHref={null} />
        </div>
      )}
    </div>
  );
}

function Section({
  title,
  icon: Icon,
  link,
  children,
  className,
}: {
  title: string;
  icon: typeof FileText;
  link?: { href: string; label: string };
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card className={cn("flex flex-col gap-4", className)}>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <h2 className="flex items-center gap-2 text-base font-semibold text-gray-900">
          <Icon aria-hidden="true" className="size-5 text-accent-700" />
          {title}
        </h2>
        {link && (
          <Link
            href={link.href}
            className="inline-flex items-center gap-1 rounded text-sm font-medium text-accent-700 hover:underline"
          >
            {link.label}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        )}
      </div>
      {children}
    </Card>
  );
}

const Empty = ({ children }: { children: ReactNode }) => (
  <p className="rounded-xl bg-gray-50 px-4 py-6 text-center text-sm text-gray-600">{children}</p>
);

function QuickStats({ data, t, suffix }: { data: ClientDashboard; t: Translator; suffix: string }) {
  const { stats, acces } = data;
  const tiles: Array<{
    key: string;
    label: string;
    value: number;
    detail?: string;
    icon: typeof FileText;
    tone: string;
    href?: string;
  }> = [];
  if (acces.acces_documents && stats.documents !== null) {
    tiles.push({
      key: "documents",
      label: t("stats.documents"),
      value: stats.documents,
      detail: stats.documents_nouveaux
        ? t("stats.newDocuments", { count: stats.documents_nouveaux })
        : undefined,
      icon: FileText,
      tone: "bg-blue-50 text-blue-700",
      href: `${PORTAIL_CLIENT_PATHS.documents}${suffix}`,
    });
  }
  if (acces.acces_messagerie && stats.unread_messages !== null) {
    tiles.push({
      key: "messages",
      label: t("stats.unreadMessages"),
      value: stats.unread_messages,
      icon: MessageSquare,
      tone: "bg-violet-50 text-violet-700",
      href: `${PORTAIL_CLIENT_PATHS.messages}${suffix}`,
    });
  }
  if (acces.acces_taches && stats.open_tasks !== null) {
    tiles.push({
      key: "taches",
      label: t("stats.openTasks"),
      value: stats.open_tasks,
      detail: stats.overdue_tasks ? t("stats.overdue", { count: stats.overdue_tasks }) : undefined,
      icon: CheckSquare,
      tone: "bg-amber-50 text-amber-800",
      href: `${PORTAIL_CLIENT_PATHS.taches}${suffix}`,
    });
  }
  tiles.push({
    key: "etapes",
    label: t("stats.upcomingEtapes"),
    value: stats.upcoming_etapes,
    icon: CalendarDays,
    tone: "bg-green-50 text-green-700",
  });

  return (
    <section aria-label={t("stats.label")}>
      <ul className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {tiles.map(({ key, label, value, detail, icon: Icon, tone, href }) => {
          const body = (
            <>
              <span
                className={cn("inline-flex size-10 items-center justify-center rounded-xl", tone)}
              >
                <Icon aria-hidden="true" className="size-5" />
              </span>
              <span className="flex flex-col">
                <span className="text-2xl font-semibold text-gray-900">{value}</span>
                <span className="text-sm text-gray-700">{label}</span>
                {detail && <span className="text-xs font-medium text-gray-600">{detail}</span>}
              </span>
            </>
          );
          const classes =
            "flex h-full flex-col gap-3 rounded-2xl border border-gray-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center";
          return (
            <li key={key}>
              {href ? (
                <Link href={href} className={cn(classes, "hover:border-accent-600")}>
                  {body}
                </Link>
              ) : (
                <div className={classes}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ProgressCard({
  transaction,
  t,
  locale,
}: {
  transaction: NonNullable<ClientDashboard["transaction"]>;
  t: Translator;
  locale: string;
}) {
  const cancelled = transaction.statut === "annulee";
  return (
    <Card className="flex flex-col gap-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold text-gray-900">{t("progress.title")}</h2>
          <p className="text-sm text-gray-600">
            {t("progress.current", { statut: t(`statut.${transaction.statut}`) })}
          </p>
        </div>
        <p className="text-3xl font-semibold text-accent-700">
          {t("progress.percent", { value: transaction.progression })}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={t("progress.title")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={transaction.progression}
        className="h-3 overflow-hidden rounded-full bg-gray-100"
      >
        <div
          className={cn("h-full rounded-full", cancelled ? "bg-gray-400" : "bg-accent-600")}
          style={{ width: `${transaction.progression}%` }}
        />
      </div>
      <StatutTrack statut={transaction.statut} />
      {(transaction.date_debut || transaction.date_fin) && (
        <dl className="grid grid-cols-2 gap-3 border-t border-gray-100 pt-4 text-sm">
          {transaction.date_debut && (
            <div>
              <dt className="text-gray-600">{t("progress.start")}</dt>
              <dd className="font-medium text-gray-900">
                {formatCalendarDate(transaction.date_debut, locale)}
              </dd>
            </div>
          )}
          {transaction.date_fin && (
            <div>
              <dt className="text-gray-600">{t("progress.end")}</dt>
              <dd className="font-medium text-gray-900">
                {formatCalendarDate(transaction.date_fin, locale)}
              </dd>
            </div>
          )}
        </dl>
      )}
    </Card>
  );
}

function PropertyCard({
  transaction,
  t,
  locale,
}: {
  transaction: NonNullable<ClientDashboard["transaction"]>;
  t: Translator;
  locale: string;
}) {
  const { adresse, ville, prix_offert, prix_accepte } = transaction;
  if (!adresse && !ville && !prix_offert && !prix_accepte) return null;
  return (
    <Section title={t("property.title")} icon={Home}>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          {adresse && <p className="text-lg font-semibold text-gray-900">{adresse}</p>}
          {ville && <p className="text-sm text-gray-600">{ville}</p>}
        </div>
        <dl className="grid grid-cols-2 gap-4 text-sm sm:text-right">
          {prix_offert && (
            <div>
              <dt className="text-gray-600">{t("property.offered")}</dt>
              <dd className="font-semibold text-gray-900">{formatMoney(prix_offert, locale)}</dd>
            </div>
          )}
          {prix_accepte && (
            <div>
              <dt className="text-gray-600">{t("property.accepted")}</dt>
              <dd className="font-semibold text-green-700">{formatMoney(prix_accepte, locale)}</dd>
            </div>
          )}
        </dl>
      </div>
    </Section>
  );
}

const ETAPE_TONES = {
  a_planifier: "bg-gray-100 text-gray-700",
  planifie: "bg-blue-50 text-blue-800",
  en_cours: "bg-amber-50 text-amber-800",
  complete: "bg-green-50 text-green-800",
} as const;

function EtapesCard({
  etapes,
  t,
  locale,
}: {
  etapes: ClientDashboard["prochaines_etapes"];
  t: Translator;
  locale: string;
}) {
  return (
    <Section title={t("etapes.title")} icon={CalendarClock}>
      {etapes.length === 0 ? (
        <Empty>{t("etapes.empty")}</Empty>
      ) : (
        <ol className="flex flex-col gap-3">
          {etapes.map((etape) => (
            <li key={etape.id} className="flex gap-4 rounded-xl border border-gray-100 p-3">
              <div className="flex w-16 shrink-0 flex-col items-center justify-center rounded-lg bg-accent-50 px-2 py-2 text-center text-accent-800">
                {etape.date_planifiee ? (
                  <>
                    <span className="text-xs font-medium uppercase">
                      {formatMonthShort(etape.date_planifiee, locale)}
                    </span>
                    <span className="text-xl font-semibold">
                      {Number(etape.date_planifiee.slice(8, 10))}
                    </span>
                  </>
                ) : (
                  <CalendarDays aria-hidden="true" className="size-6" />
                )}
              </div>
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-sm font-semibold text-gray-900">{etape.titre}</h3>
                  <span
                    className={cn(
                      "rounded-full px-2 py-0.5 text-xs font-medium",
                      ETAPE_TONES[etape.statut],
                    )}
                  >
                    {t(`etapes.statut.${etape.statut}`)}
                  </span>
                </div>
                <p className="text-sm text-gray-700">
                  {etape.date_planifiee
                    ? etape.heure_planifiee
                      ? t("etapes.when", {
                          date: formatCalendarDate(etape.date_planifiee, locale),
                          time: formatTimeOfDay(etape.heure_planifiee, locale),
                        })
                      : formatCalendarDate(etape.date_planifiee, locale)
                    : t("etapes.notScheduled")}
                </p>
                {etape.description && <p className="text-sm text-gray-600">{etape.description}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function DocumentsCard({
  documents,
  t,
  locale,
  href,
}: {
  documents: NonNullable<ClientDashboard["documents_recents"]>;
  t: Translator;
  locale: string;
  href: string;
}) {
  return (
    <Section
      title={t("documents.title")}
      icon={FileText}
      link={{ href, label: t("documents.all") }}
    >
      {documents.length === 0 ? (
        <Empty>{t("documents.empty")}</Empty>
      ) : (
        <ul className="flex flex-col divide-y divide-gray-100">
          {documents.map((document) => (
            <li key={document.id} className="flex items-center gap-3 py-3 first:pt-0 last:pb-0">
              <DocumentTypeIcon type={document.type} />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="truncate text-sm font-medium text-gray-900">{document.nom}</span>
                  {document.nouveau && <NewBadge label={t("documents.new")} />}
                </p>
                <p className="text-xs text-gray-600">
                  {t("documents.meta", {
                    categorie: categoryLabel(document.categorie, t),
                    date: formatDay(document.date_partage, locale),
                  })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function BrokerCard({
  courtier,
  t,
  writeHref,
}: {
  courtier: ClientDashboard["courtier"];
  t: Translator;
  writeHref: string | null;
}) {
  const initials = `${courtier.first_name.charAt(0)}${courtier.last_name.charAt(0)}`.toUpperCase();
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-base font-semibold text-gray-900">{t("broker.title")}</h2>
      <div className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className="inline-flex size-12 items-center justify-center rounded-full bg-accent-600 text-base font-semibold text-white"
        >
          {initials}
        </span>
        <div>
          <p className="font-semibold text-gray-900">
            {courtier.first_name} {courtier.last_name}
          </p>
          <p className="text-sm text-gray-600">{t("broker.role")}</p>
        </div>
      </div>
      <ul className="flex flex-col gap-2 text-sm">
        <li>
          <a
            href={`mailto:${courtier.email}`}
            className="flex items-center gap-2 break-all text-accent-700 hover:underline"
          >
            <Mail aria-hidden="true" className="size-4 shrink-0" />
            {courtier.email}
          </a>
        </li>
        {courtier.telephone && (
          <li>
            <a
              href={`tel:${courtier.telephone.replace(/[^\d+]/g, "")}`}
              className="flex items-center gap-2 text-accent-700 hover:underline"
            >
              <Phone aria-hidden="true" className="size-4 shrink-0" />
              {courtier.telephone}
            </a>
          </li>
        )}
      </ul>
      {writeHref && (
        <Link href={writeHref} className={buttonClasses("primary", "w-full")}>
          <MessageSquare aria-hidden="true" className="size-4" />
          {t("broker.write")}
        </Link>
      )}
    </Card>
  );
}

function MessagesCard({
  messages,
  t,
  locale,
  href,
}: {
  messages: NonNullable<ClientDashboard["messages_recents"]>;
  t: Translator;
  locale: string;
  href: string;
}) {
  return (
    <Section
      title={t("messages.title")}
      icon={MessageSquare}
      link={{ href, label: t("messages.all") }}
    >
      {messages.length === 0 ? (
        <Empty>{t("messages.empty")}</Empty>
      ) : (
        <ul className="flex flex-col gap-3">
          {messages.slice(0, 3).map((message) => {
            const fromBroker = message.expediteur.role !== "client";
            return (
              <li key={message.id} className="flex flex-col gap-1 rounded-xl bg-gray-50 p-3">
                <p className="flex items-center gap-2 text-xs">
                  <span className="font-semibold text-gray-900">
                    {fromBroker
                      ? `${message.expediteur.first_name} ${message.expediteur.last_name}`
                      : t("messages.you")}
                  </span>
                  {fromBroker && !message.lu && (
                    <span className="inline-flex items-center gap-1 font-medium text-accent-700">
                      <span aria-hidden="true" className="size-2 rounded-full bg-accent-600" />
                      {t("messages.unread")}
                    </span>
                  )}
                </p>
                <p className="line-clamp-2 text-sm text-gray-800">{message.message}</p>
                <p className="text-xs text-gray-600">
                  <time dateTime={message.date_envoi}>
                    {formatDay(message.date_envoi, locale)} ·{" "}
                    {formatTime(message.date_envoi, locale)}
                  </time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
