"use client";

import type { Tache, TachePage } from "@portail/shared";
import {
  PRIORITES,
  type Priorite,
  TACHE_CATEGORIE_MAX_LENGTH,
  TACHE_DESCRIPTION_MAX_LENGTH,
  TACHE_TITRE_MAX_LENGTH,
} from "@portail/shared/constants";
import { AlertTriangle, CalendarDays } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { SelectField } from "@/components/ui/SelectField";
import { TextAreaField } from "@/components/ui/TextAreaField";
import { TextField } from "@/components/ui/TextField";
import { formatCalendarDate } from "@/lib/format";
import { DeleteItemButton, ItemFormDialog } from "../_components/ItemDialogs";
import { formatDay } from "../_lib/dates";
import { useActionRunner } from "../_lib/use-action";
import {
  createTacheAction,
  deleteTacheAction,
  toggleTacheAction,
  updateTacheAction,
} from "./actions";

const prioriteTone: Record<Priorite, string> = {
  haute: "bg-red-100 text-red-800",
  moyenne: "bg-amber-100 text-amber-900",
  basse: "bg-gray-100 text-gray-800",
};

/** The client's tâches: open ones first (late ones stand out), then the completed ones. */
export function TachesSection({
  transactionId,
  page,
  clientHasAccess,
}: {
  transactionId: number;
  page: TachePage;
  clientHasAccess: boolean;
}) {
  const t = useTranslations("workspace");
  const { counts } = page;
  return (
    <div className="flex flex-col gap-4">
      {!clientHasAccess && <Alert tone="info">{t("common.noAccess")}</Alert>}
      <Card className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 className="text-lg font-semibold text-gray-900">{t("taches.title")}</h2>
            <p className="text-sm text-gray-600">
              {t("taches.counts", {
                actives: counts.actives,
                late: counts.en_retard,
                done: counts.completees,
              })}
            </p>
          </div>
          <TacheDialog transactionId={transactionId} />
        </div>
        {page.items.length === 0 ? (
          <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-sm text-gray-700">
            {t("taches.empty")}
          </p>
        ) : (
          <ul aria-label={t("taches.listLabel")} className="flex flex-col gap-3">
            {page.items.map((tache) => (
              <TacheItem key={tache.id} tache={tache} transactionId={transactionId} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function TacheItem({ tache, transactionId }: { tache: Tache; transactionId: number }) {
  const t = useTranslations("workspace");
  const tPriorite = useTranslations("enumLabels.priorite");
  const locale = useLocale();
  const { run, pending } = useActionRunner();
  const checkboxId = `tache-${tache.id}`;
  const title = tache.titre;
  // The box follows the click at once; the server's answer confirms it (or puts it back).
  const [checked, setChecked] = useState(tache.completee);
  useEffect(() => setChecked(tache.completee), [tache.completee]);

  return (
    <li
      className={cn(
        "flex items-start gap-3 rounded-xl border p-4",
        tache.en_retard
          ? "border-red-300 bg-red-50/50"
          : tache.completee
            ? "border-gray-200 bg-gray-50"
            : "border-gray-200 bg-white",
      )}
    >
      <input
        id={checkboxId}
        type="checkbox"
        checked={checked}
        disabled={pending}
        onChange={() => {
          setChecked(!checked);
          run(
            () => toggleTacheAction(tache.id),
            (updated) => (updated.completee ? t("taches.done") : t("taches.reopened")),
            (result) => {
              if (!result.ok) setChecked(tache.completee);
            },
          );
        }}
        className="mt-1 size-4 shrink-0 cursor-pointer accent-accent-600"
      />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label
          htmlFor={checkboxId}
          className={cn(
            "cursor-pointer font-medium",
            tache.completee ? "text-gray-600 line-through" : "text-gray-900",
          )}
        >
          {title}
        </label>
        {tache.description && (
          <p className="text-sm whitespace-pre-line text-gray-700">{tache.description}</p>
        )}
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span
            className={cn("rounded-full px-2 py-0.5 font-medium", prioriteTone[tache.priorite])}
          >
            {t("taches.priority", { priorite: tPriorite(tache.priorite) })}
          </span>
          {tache.categorie && (
            <span className="rounded-full bg-gray-100 px-2 py-0.5 text-gray-800">
              {tache.categorie}
            </span>
          )}
          {tache.echeance && !tache.completee && (
            <span
              className={cn(
                "inline-flex items-center gap-1",
                tache.en_retard ? "font-semibold text-red-700" : "text-gray-700",
              )}
            >
              {tache.en_retard ? (
                <AlertTriangle aria-hidden="true" className="size-3.5" />
              ) : (
                <CalendarDays aria-hidden="true" className="size-3.5" />
              )}
              {t("taches.due", { date: formatCalendarDate(tache.echeance, locale) })}
              {tache.en_retard && <> · {t("taches.late")}</>}
            </span>
          )}
          {tache.completee && tache.date_completion && (
            <span className="text-gray-600">
              {t("taches.doneOn", { date: formatDay(tache.date_completion, locale) })}
            </span>
          )}
        </div>
      </div>
      <div className="flex items-center gap-1">
        <TacheDialog transactionId={transactionId} tache={tache} />
        <DeleteItemButton
          label={t("taches.delete", { title })}
          title={t("taches.deleteTitle", { title })}
          description={t("taches.deleteBody")}
          remove={() => deleteTacheAction(tache.id)}
          deletedMessage={t("taches.deleted")}
        />
      </div>
    </li>
  );
}

type TacheValues = {
  titre: string;
  description: string;
  priorite: Priorite;
  categorie: string;
  echeance: string;
};

const valuesOf = (tache?: Tache): TacheValues => ({
  titre: tache?.titre ?? "",
  description: tache?.description ?? "",
  priorite: tache?.priorite ?? "moyenne",
  categorie: tache?.categorie ?? "",
  echeance: tache?.echeance ?? "",
});

/** Creates a tâche (no `tache`) or edits one, in a dialog. */
function TacheDialog({ transactionId, tache }: { transactionId: number; tache?: Tache }) {
  const t = useTranslations("workspace");
  const tPriorite = useTranslations("enumLabels.priorite");
  return (
    <ItemFormDialog
      title={tache ? t("taches.dialogEdit") : t("taches.dialogAdd")}
      addLabel={t("taches.add")}
      editLabel={tache && t("taches.edit", { title: tache.titre })}
      initialValues={() => valuesOf(tache)}
      toBody={(values) => {
        const fields = {
          titre: values.titre,
          description: values.description.trim() || null,
          priorite: values.priorite,
          categorie: values.categorie.trim() || null,
          echeance: values.echeance || null,
        };
        return tache ? fields : { transaction_id: transactionId, ...fields };
      }}
      schema={(s) => (tache ? s.tacheUpdateBodySchema : s.tacheCreateBodySchema)}
      save={(body) =>
        tache
          ? updateTacheAction(tache.id, body)
          : createTacheAction(body as typeof body & { transaction_id: number })
      }
      savedMessage={tache ? t("taches.saved") : t("taches.added")}
    >
      {(field) => (
        <>
          <TextField
            label={t("taches.fields.titre")}
            required
            maxLength={TACHE_TITRE_MAX_LENGTH}
            {...field("titre")}
          />
          <TextAreaField
            label={t("taches.fields.description")}
            rows={3}
            maxLength={TACHE_DESCRIPTION_MAX_LENGTH}
            {...field("description")}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("taches.fields.priorite")}
              options={PRIORITES.map((value) => ({ value, label: tPriorite(value) }))}
              {...field("priorite")}
            />
            <TextField label={t("taches.fields.echeance")} type="date" {...field("echeance")} />
          </div>
          <TextField
            label={t("taches.fields.categorie")}
            description={t("taches.fields.categorieHelp")}
            maxLength={TACHE_CATEGORIE_MAX_LENGTH}
            {...field("categorie")}
          />
        </>
      )}
    </ItemFormDialog>
  );
}
