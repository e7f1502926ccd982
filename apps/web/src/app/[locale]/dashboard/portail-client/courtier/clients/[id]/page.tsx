import type { Transaction } from "@portail/shared";
import { ArrowLeft, Mail, Phone } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ErrorMessage } from "@/components/portail-client/ErrorMessage";
import { Link } from "@/i18n/navigation";
import { getPublicConfig } from "@/lib/api/public-config";
import { requireCourtier } from "@/lib/auth-guards";
import { paths } from "@/lib/paths";
import { StatutBadge, TypeProjetLabel } from "../_components/Badges";
import { AccessCard } from "./AccessCard";
import { DocumentsSection } from "./DocumentsSection";
import { EtapesSection } from "./EtapesSection";
import { InvitationCard } from "./InvitationCard";
import { MessagesSection } from "./MessagesSection";
import { TachesSection } from "./TachesSection";
import { NoTransaction, TransactionCard } from "./TransactionCard";
import { WorkspaceTabs } from "./WorkspaceTabs";
import {
  type Loaded,
  loadInvitation,
  loadSections,
  loadTransactions,
  parseId,
  WORKSPACE_TABS,
  type WorkspaceTab,
} from "./workspace-data";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "workspace" });
  const invitation = await loadInvitation(parseId(id));
  return { title: t("metaTitle", { name: `${invitation.prenom} ${invitation.nom}` }) };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The transaction to show: the one in the URL if it is this client's, else their current one. */
function selectTransaction(
  transactions: Transaction[],
  requested: string | undefined,
  current: number | null,
): Transaction | undefined {
  return (
    transactions.find((tx) => String(tx.id) === requested) ??
    transactions.find((tx) => tx.id === current) ??
    transactions[0]
  );
}

/**
 * One client's file (the page the demo's « Voir détails » pointed to): invitation and access on
 * one side, the transaction and its étapes, documents, tâches and messages on the other.
 */
export default async function ClientWorkspacePage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  await requireCourtier();
  const t = await getTranslations({ locale, namespace: "workspace" });
  const invitationId = parseId(id);
  const query = await searchParams;

  const [invitation, transactions, config] = await Promise.all([
    loadInvitation(invitationId),
    loadTransactions(invitationId),
    getPublicConfig(),
  ]);
  const transaction = selectTransaction(
    transactions,
    first(query.transaction),
    invitation.transaction_id,
  );
  const requestedTab = first(query.onglet);
  const tab: WorkspaceTab = WORKSPACE_TABS.includes(requestedTab as WorkspaceTab)
    ? (requestedTab as WorkspaceTab)
    : "etapes";
  const sections = transaction ? await loadSections(transaction.id) : null;
  const clientName = `${invitation.prenom} ${invitation.nom}`;
  const base = `${paths.courtierClients}/${invitation.id}`;
  const transactionParam =
    transaction && transaction.id !== invitation.transaction_id ? transaction.id : undefined;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div className="flex flex-col gap-3">
        <Link
          href={paths.courtierClients}
          className="inline-flex items-center gap-1.5 self-start rounded text-sm font-medium text-accent-700 hover:underline"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("back")}
        </Link>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex flex-col gap-1">
            <p className="text-sm text-gray-600">{t("intro")}</p>
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-2xl font-semibold text-gray-900">{clientName}</h1>
              <StatutBadge statut={invitation.statut} />
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm text-gray-700">
            <TypeProjetLabel type={invitation.type_projet} />
            <a
              href={`mailto:${invitation.email}`}
              className="inline-flex min-w-0 items-center gap-1.5 wrap-anywhere hover:underline"
            >
              <Mail aria-hidden="true" className="size-4 text-gray-600" />
              {invitation.email}
            </a>
            {invitation.telephone && (
              <a
                href={`tel:${invitation.telephone.replace(/[^\d+]/g, "")}`}
                className="inline-flex items-center gap-1.5 hover:underline"
              >
                <Phone aria-hidden="true" className="size-4 text-gray-600" />
                {invitation.telephone}
              </a>
            )}
          </div>
        </div>
      </div>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] xl:items-start">
        <div className="flex flex-col gap-6">
          <InvitationCard invitation={invitation} />
          <AccessCard invitation={invitation} />
        </div>
        <div className="flex flex-col gap-6">
          {transaction && sections ? (
            <>
              <TransactionCard
                key={transaction.id}
                transaction={transaction}
                transactions={transactions}
                selectorAction={`/${locale}${base}`}
                tab={tab}
              />
              <WorkspaceTabs
                base={base}
                transactionId={transactionParam}
                active={tab}
                counts={{
                  etapes: sections.etapes.ok ? sections.etapes.data.total : null,
                  documents: sections.documents.ok ? sections.documents.data.total : null,
                  taches: sections.taches.ok ? sections.taches.data.counts.actives : null,
                  messages: sections.messages.ok ? sections.messages.data.unread_count : null,
                }}
              />
              <div id="section" className="flex flex-col gap-4">
                {tab === "etapes" && (
                  <Section loaded={sections.etapes}>
                    {(page) => <EtapesSection transactionId={transaction.id} etapes={page.items} />}
                  </Section>
                )}
                {tab === "documents" && (
                  <Section loaded={sections.documents}>
                    {(page) => (
                      <DocumentsSection
                        transactionId={transaction.id}
                        documents={page.items}
                        clientHasAccess={invitation.acces_documents}
                        maxUploadBytes={config.max_upload_bytes}
                      />
                    )}
                  </Section>
                )}
                {tab === "taches" && (
                  <Section loaded={sections.taches}>
                    {(page) => (
                      <TachesSection
                        transactionId={transaction.id}
                        page={page}
                        clientHasAccess={invitation.acces_taches}
                      />
                    )}
                  </Section>
                )}
                {tab === "messages" && (
                  <Section loaded={sections.messages}>
                    {(page) => (
                      <MessagesSection
                        key={transaction.id}
                        transactionId={transaction.id}
                        initialPage={page}
                        clientFirstName={invitation.prenom}
                        clientHasAccess={invitation.acces_messagerie}
                      />
                    )}
                  </Section>
                )}
              </div>
            </>
          ) : (
            <NoTransaction invitationId={invitation.id} />
          )}
        </div>
      </div>
    </div>
  );
}

async function Section<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  if (loaded.ok) return children(loaded.data);
  const t = await getTranslations("workspace.common");
  return <ErrorMessage code={loaded.code} title={t("sectionError")} />;
}
