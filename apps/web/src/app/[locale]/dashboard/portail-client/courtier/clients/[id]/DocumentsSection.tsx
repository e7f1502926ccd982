"use client";

import type { TransactionDocument, TransactionDocumentDetail, TypeDocument } from "@portail/shared";
import {
  ACCEPTED_DOCUMENT_FORMATS,
  SUGGESTED_DOCUMENT_CATEGORIES,
} from "@portail/shared/constants";
import {
  Download,
  File,
  FileImage,
  FileSpreadsheet,
  FileText,
  FileType,
  type LucideIcon,
  Trash2,
} from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { useToast } from "@/components/ui/Toast";
import { errorMessageKey, isErrorCode } from "@/lib/api/errors";
import { toProxyUrl } from "@/lib/api/forwarding";
import { formatFileSize } from "@/lib/format";
import { ConfirmDialog } from "../_components/ConfirmDialog";
import { ProxyError, proxyJson } from "../_lib/browser-api";
import { formatDay } from "../_lib/dates";
import { useActionRunner } from "../_lib/use-action";
import { deleteDocumentAction } from "./actions";
import { DocumentUpload } from "./DocumentUpload";

const typeIcons: Record<TypeDocument, { icon: LucideIcon; tone: string }> = {
  pdf: { icon: FileText, tone: "bg-red-50 text-red-700" },
  image: { icon: FileImage, tone: "bg-violet-50 text-violet-700" },
  excel: { icon: FileSpreadsheet, tone: "bg-green-50 text-green-700" },
  word: { icon: FileType, tone: "bg-blue-50 text-blue-700" },
  autre: { icon: File, tone: "bg-gray-100 text-gray-700" },
};

/** Suggested categories are translated; a broker's own category is shown as written. */
export function useCategorieLabel() {
  const t = useTranslations("enumLabels.documentCategorie");
  return (categorie: string) =>
    (SUGGESTED_DOCUMENT_CATEGORIES as readonly string[]).includes(categorie)
      ? t(categorie as (typeof SUGGESTED_DOCUMENT_CATEGORIES)[number])
      : categorie;
}

/** Documents shared with the client: upload with progress, list, download, delete. */
export function DocumentsSection({
  transactionId,
  documents,
  clientHasAccess,
  maxUploadBytes,
}: {
  transactionId: number;
  documents: TransactionDocument[];
  clientHasAccess: boolean;
  maxUploadBytes: number;
}) {
  const t = useTranslations("workspace");
  return (
    <div className="flex flex-col gap-4">
      {!clientHasAccess && <Alert tone="info">{t("common.noAccess")}</Alert>}
      <DocumentUpload
        transactionId={transactionId}
        maxUploadBytes={maxUploadBytes}
        formats={ACCEPTED_DOCUMENT_FORMATS.join(", ")}
      />
      <Card className="flex flex-col gap-4">
        <h2 id="documents-title" className="text-lg font-semibold text-gray-900">
          {t("documents.listLabel")}
        </h2>
        {documents.length === 0 ? (
          <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-sm text-gray-700">
            {t("documents.empty")}
          </p>
        ) : (
          <ul aria-labelledby="documents-title" className="flex flex-col divide-y divide-gray-100">
            {documents.map((document) => (
              <DocumentRow key={document.id} document={document} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function DocumentRow({ document }: { document: TransactionDocument }) {
  const t = useTranslations("workspace");
  const tType = useTranslations("enumLabels.typeDocument");
  const tAll = useTranslations();
  const locale = useLocale();
  const toast = useToast();
  const categorie = useCategorieLabel();
  const { run } = useActionRunner();
  const [downloading, setDownloading] = useState(false);
  const { icon: Icon, tone } = typeIcons[document.type];

  // The download link is signed for a few minutes: ask for it when needed, then let the
  // browser fetch it (an attachment, so the page stays).
  async function download() {
    setDownloading(true);
    try {
      const detail = await proxyJson<TransactionDocumentDetail>(
        `/portail/transaction-documents/${document.id}`,
      );
      window.location.assign(toProxyUrl(detail.download_url));
    } catch (error) {
      const code = error instanceof ProxyError ? error.code : "SERVICE_UNAVAILABLE";
      toast({
        title: t("documents.downloadFailed"),
        description: isErrorCode(code) ? tAll(errorMessageKey(code)) : undefined,
        tone: "error",
      });
    } finally {
      setDownloading(false);
    }
  }

  return (
    <li className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center">
      <span
        className={cn("inline-flex size-10 shrink-0 items-center justify-center rounded-lg", tone)}
      >
        <Icon aria-hidden="true" className="size-5" />
        <span className="sr-only">{tType(document.type)}</span>
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <div className="flex flex-wrap items-center gap-2">
          <p className="truncate font-medium text-gray-900" title={document.nom}>
            {document.nom}
          </p>
          {document.nouveau && (
            <span
              className="rounded-full bg-accent-50 px-2 py-0.5 text-xs font-semibold text-accent-800"
              title={t("documents.newHint")}
            >
              {t("documents.new")}
              <span className="sr-only"> — {t("documents.newHint")}</span>
            </span>
          )}
        </div>
        <p className="text-xs text-gray-600">
          {categorie(document.categorie)} · {formatFileSize(document.taille, locale)} ·{" "}
          {t("documents.sharedOn", { date: formatDay(document.date_partage, locale) })}
        </p>
      </div>
      <div className="flex items-center gap-1">
        <Button
          variant="ghost"
          className="px-2"
          pending={downloading}
          aria-label={t("documents.download", { name: document.nom })}
          onClick={download}
        >
          <Download aria-hidden="true" className="size-4" />
        </Button>
        <ConfirmDialog
          trigger={
            <Button
              variant="ghost"
              className="px-2 text-red-700 hover:bg-red-50"
              aria-label={t("documents.delete", { name: document.nom })}
            >
              <Trash2 aria-hidden="true" className="size-4" />
            </Button>
          }
          title={t("documents.deleteTitle", { name: document.nom })}
          description={t("documents.deleteBody")}
          confirmLabel={t("common.delete")}
          onConfirm={() =>
            new Promise((resolve) =>
              run(
                () => deleteDocumentAction(document.id),
                t("documents.deleted"),
                (result) => resolve(result.ok),
              ),
            )
          }
        />
      </div>
    </li>
  );
}
