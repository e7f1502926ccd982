"use client";

import type { TransactionDocument } from "@portail/shared";
import { Download, Eye, Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/Button";
import { cn } from "@/components/ui/cn";
import { PORTAIL_CLIENT_PATHS } from "@/lib/constants/portail-client";
import { formatFileSize } from "@/lib/format";
import { withLocale } from "@/lib/paths";
import { categoryLabel } from "../categories";
import { DocumentTypeIcon, NewBadge } from "../DocumentTypeIcon";
import { formatDay } from "../format";

/** Lower case without accents, so « releve » finds « Relevé ». */
const fold = (value: string) =>
  value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

const INLINE_TYPES = new Set(["pdf", "image"]);

export function DocumentsBrowser({
  documents,
  total,
}: {
  documents: TransactionDocument[];
  total: number;
}) {
  const t = useTranslations("portalDocuments");
  const tPortal = useTranslations("portal");
  const locale = useLocale();
  const router = useRouter();
  const searchId = useId();
  const [search, setSearch] = useState("");
  const [categorie, setCategorie] = useState<string | null>(null);
  // Documents opened here; « NOUVEAU » goes at once, before the refreshed list confirms it.
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  const categories = useMemo(
    () => [...new Set(documents.map((document) => document.categorie))].sort(),
    [documents],
  );
  const visible = useMemo(() => {
    const needle = fold(search.trim());
    return documents.filter(
      (document) =>
        (!categorie || document.categorie === categorie) &&
        (!needle ||
          fold(document.nom).includes(needle) ||
          fold(categoryLabel(document.categorie, tPortal)).includes(needle)),
    );
  }, [documents, search, categorie, tPortal]);

  function onOpen(id: number) {
    setOpened((set) => new Set(set).add(id));
    // The counters and the layout's badge follow once the API has recorded the opening.
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => router.refresh(), 1500);
  }

  const openHref = (id: number, disposition: "inline" | "attachment") =>
    `${withLocale(locale, PORTAIL_CLIENT_PATHS.documents)}/${id}/ouvrir?disposition=${disposition}`;

  if (documents.length === 0) {
    return (
      <div className="rounded-2xl border border-dashed border-gray-300 bg-white px-6 py-12 text-center">
        <p className="text-base font-semibold text-gray-900">{t("empty.title")}</p>
        <p className="mt-1 text-sm text-gray-600">{t("empty.body")}</p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 rounded-2xl border border-gray-200 bg-white p-4 shadow-sm">
        <div className="relative">
          <label htmlFor={searchId} className="sr-only">
            {t("search.label")}
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-500"
          />
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t("search.placeholder")}
            className="min-h-10 w-full rounded-lg border border-gray-300 bg-white py-2 pr-3 pl-9 text-sm text-gray-900 placeholder:text-gray-500"
          />
        </div>
        <fieldset>
          <legend className="sr-only">{t("filter.label")}</legend>
          <div className="flex flex-wrap gap-2">
            {[null, ...categories].map((value) => {
              const selected = categorie === value;
              return (
                <button
                  key={value ?? "all"}
                  type="button"
                  aria-pressed={selected}
                  onClick={() => setCategorie(value)}
                  className={cn(
                    "min-h-9 rounded-full border px-3 py-1 text-sm font-medium",
                    selected
                      ? "border-accent-600 bg-accent-600 text-white"
                      : "border-gray-300 bg-white text-gray-700 hover:bg-gray-50",
                  )}
                >
                  {value === null ? t("filter.all") : categoryLabel(value, tPortal)}
                </button>
              );
            })}
          </div>
        </fieldset>
      </div>

      <p className="text-sm text-gray-600" aria-live="polite">
        {t("count", { shown: visible.length, total })}
      </p>

      {visible.length === 0 ? (
        <p className="rounded-2xl bg-white px-4 py-10 text-center text-sm text-gray-600 shadow-sm">
          {t("noMatch")}
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {visible.map((document) => {
            const isNew = document.nouveau && !opened.has(document.id);
            const nameId = `document-${document.id}`;
            return (
              <li
                key={document.id}
                className="flex flex-col gap-4 rounded-2xl border border-gray-200 bg-white p-5 shadow-sm"
              >
                <div className="flex items-start gap-3">
                  <DocumentTypeIcon type={document.type} />
                  <div className="min-w-0 flex-1">
                    <h2 id={nameId} className="text-sm font-semibold break-words text-gray-900">
                      {document.nom}
                    </h2>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-gray-600">
                      <span className="rounded-full bg-gray-100 px-2 py-0.5 font-medium text-gray-700">
                        {categoryLabel(document.categorie, tPortal)}
                      </span>
                      <span>{t(`type.${document.type}`)}</span>
                    </p>
                  </div>
                  {isNew && <NewBadge label={tPortal("documents.new")} />}
                </div>
                <dl className="grid grid-cols-2 gap-2 text-xs">
                  <div>
                    <dt className="text-gray-600">{t("sharedOn")}</dt>
                    <dd className="font-medium text-gray-900">
                      {formatDay(document.date_partage, locale)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-gray-600">{t("size")}</dt>
                    <dd className="font-medium text-gray-900">
                      {formatFileSize(document.taille, locale)}
                    </dd>
                  </div>
                  {document.partage_par && (
                    <div className="col-span-2">
                      <dt className="text-gray-600">{t("sharedBy")}</dt>
                      <dd className="font-medium text-gray-900">
                        {document.partage_par.first_name} {document.partage_par.last_name}
                      </dd>
                    </div>
                  )}
                </dl>
                <div className="mt-auto flex gap-2">
                  {INLINE_TYPES.has(document.type) && (
                    <a
                      href={openHref(document.id, "inline")}
                      target="_blank"
                      rel="noopener"
                      onClick={() => onOpen(document.id)}
                      className={buttonClasses("primary", "flex-1")}
                      aria-describedby={nameId}
                    >
                      <Eye aria-hidden="true" className="size-4" />
                      {t("view")}
                      <span className="sr-only"> {t("newTab")}</span>
                    </a>
                  )}
                  <a
                    href={openHref(document.id, "attachment")}
                    onClick={() => onOpen(document.id)}
                    className={buttonClasses("secondary", "flex-1")}
                    aria-describedby={nameId}
                  >
                    <Download aria-hidden="true" className="size-4" />
                    {t("download")}
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
