"use client";

import type { TransactionDocument } from "@portail/shared";
import {
  DOCUMENT_CATEGORIE_MAX_LENGTH,
  SUGGESTED_DOCUMENT_CATEGORIES,
} from "@portail/shared/constants";
import { Upload, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { SelectField } from "@/components/ui/SelectField";
import { useToast } from "@/components/ui/Toast";
import { errorMessageKey, isErrorCode } from "@/lib/api/errors";
import { formatFileSize } from "@/lib/format";
import { ProxyError, type UploadHandle, uploadWithProgress } from "../_lib/browser-api";

type Progress = { name: string; loaded: number; total: number };

/**
 * Shares a file with the client. The upload goes from the browser through /api/proxy with
 * XMLHttpRequest, whose upload events drive a real progress bar; the size limit is checked
 * before sending, and the API's 413 and 415 answers are explained in plain words.
 */
export function DocumentUpload({
  transactionId,
  maxUploadBytes,
  formats,
}: {
  transactionId: number;
  /** The API's limit (GET /config). */
  maxUploadBytes: number;
  formats: string;
}) {
  const t = useTranslations("workspace.documents");
  const tAll = useTranslations();
  const tCategorie = useTranslations("enumLabels.documentCategorie");
  const locale = useLocale();
  const router = useRouter();
  const toast = useToast();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useRef<UploadHandle<unknown> | null>(null);
  const [categorie, setCategorie] = useState<string>("autre");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  const maxUploadMb = Math.floor(maxUploadBytes / (1024 * 1024));
  const limits = t("limits", { max: maxUploadMb, formats });

  function explain(code: string): string {
    if (code === "PAYLOAD_TOO_LARGE") return t("tooLarge", { max: maxUploadMb });
    if (code === "UNSUPPORTED_MEDIA_TYPE") return t("unsupported", { formats });
    return isErrorCode(code) ? tAll(errorMessageKey(code)) : tAll("errors.INTERNAL_ERROR");
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(t("fileRequired"));
      fileInput.current?.focus();
      return;
    }
    if (file.size > maxUploadBytes) {
      setError(t("tooLarge", { max: maxUploadMb }));
      fileInput.current?.focus();
      return;
    }
    setError(null);
    // Text fields first: the API reads the parts as a stream and needs them before the file.
    const form = new FormData();
    form.append("transaction_id", String(transactionId));
    form.append("categorie", categorie.slice(0, DOCUMENT_CATEGORIE_MAX_LENGTH));
    form.append("file", file, file.name);
    setProgress({ name: file.name, loaded: 0, total: file.size });
    const handle = uploadWithProgress<TransactionDocument>(
      "/portail/transaction-documents",
      form,
      (loaded, total) => setProgress({ name: file.name, loaded, total }),
    );
    upload.current = handle;
    try {
      const document = await handle.done;
      toast({ title: t("uploaded", { name: document.nom }), tone: "success" });
      if (fileInput.current) fileInput.current.value = "";
      router.refresh();
    } catch (failure) {
      if (failure instanceof DOMException && failure.name === "AbortError") {
        toast({ title: t("uploadCancelled"), tone: "info" });
      } else {
        setError(explain(failure instanceof ProxyError ? failure.code : "SERVICE_UNAVAILABLE"));
      }
    } finally {
      upload.current = null;
      setProgress(null);
    }
  }

  const percent =
    progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold text-gray-900">{t("uploadTitle")}</h2>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="flex flex-col gap-1">
            <label htmlFor={fileId} className="text-sm font-medium text-gray-800">
              {t("file")}
              <span aria-hidden="true" className="text-red-700">
                {" "}
                *
              </span>
            </label>
            <input
              ref={fileInput}
              id={fileId}
              type="file"
              name="file"
              required
              disabled={progress !== null}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${fileId}-limits${error ? ` ${fileId}-error` : ""}`}
              onChange={() => setError(null)}
              className={cn(
                "min-h-10 rounded-lg border bg-white px-2 py-1.5 text-sm text-gray-800 file:mr-3 file:rounded-md file:border-0 file:bg-accent-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-accent-800",
                error ? "border-red-600" : "border-gray-300",
              )}
            />
            <p id={`${fileId}-limits`} className="text-xs text-gray-600">
              {limits}
            </p>
          </div>
          <SelectField
            label={t("categorie")}
            name="categorie"
            value={categorie}
            disabled={progress !== null}
            onChange={(e) => setCategorie(e.target.value)}
            options={SUGGESTED_DOCUMENT_CATEGORIES.map((value) => ({
              value,
              label: tCategorie(value),
            }))}
          />
        </div>
        {error && (
          <p id={`${fileId}-error`} role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        {progress ? (
          <div className="flex flex-col gap-2 rounded-xl bg-gray-50 p-4">
            <div className="flex items-center justify-between gap-3 text-sm">
              <span className="truncate font-medium text-gray-900">
                {t("uploading", { name: progress.name })}
              </span>
              <Button
                variant="ghost"
                className="px-2"
                aria-label={t("cancelUpload")}
                onClick={() => upload.current?.abort()}
              >
                <X aria-hidden="true" className="size-4" />
              </Button>
            </div>
            <div
              role="progressbar"
              aria-label={t("progressLabel")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2.5 overflow-hidden rounded-full bg-gray-200"
            >
              <div
                className="h-full rounded-full bg-accent-600 transition-[width]"
                style={{ width: `${percent}%` }}
              />
            </div>
            <p className="text-xs text-gray-700 tabular-nums">
              {t("progress", {
                percent,
                loaded: formatFileSize(progress.loaded, locale),
                total: formatFileSize(progress.total, locale),
              })}
            </p>
          </div>
        ) : (
          <div className="flex justify-end">
            <Button type="submit">
              <Upload aria-hidden="true" className="size-4" />
              {t("upload")}
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}
