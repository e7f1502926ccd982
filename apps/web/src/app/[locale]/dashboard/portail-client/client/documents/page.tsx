import { transactionDocumentPageSchema } from "@portail/shared";
import { FolderOpen } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { apiJson } from "@/lib/api/server";
import { loadOrFail, requireModule, selectedTransactionId } from "../data";
import { DocumentsBrowser } from "./DocumentsBrowser";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "portalDocuments" });
  return { title: t("title") };
}

/** Documents the broker shared (plan §3.4), opened and downloaded through the authorized link. */
export default async function ClientDocumentsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const query = await searchParams;
  const transactionId = selectedTransactionId(query);
  const { transaction } = await requireModule("acces_documents", transactionId);
  const t = await getTranslations({ locale, namespace: "portalDocuments" });

  const documents = transaction
    ? await loadOrFail(() =>
        apiJson(
          `/portail/transaction-documents/transaction/${transaction.id}?limit=100`,
          transactionDocumentPageSchema,
        ),
      )
    : null;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      {/* The open link of a document that is gone (or not this client's) lands here. */}
      {query.introuvable === "1" && (
        <Alert tone="error" title={t("notFound.title")}>
          {t("notFound.body")}
        </Alert>
      )}
      {documents ? (
        <DocumentsBrowser documents={documents.items} total={documents.total} />
      ) : (
        <Card className="flex flex-col items-center gap-3 py-12 text-center">
          <FolderOpen aria-hidden="true" className="size-10 text-gray-500" />
          <h2 className="text-lg font-semibold text-gray-900">{t("noTransaction.title")}</h2>
          <p className="max-w-md text-sm text-gray-700">{t("noTransaction.body")}</p>
        </Card>
      )}
    </div>
  );
}
