"use client";

import type { Etape } from "@portail/shared";
import { STATUTS_ETAPE, type StatutEtape } from "@portail/shared/constants";
import { ArrowDown, ArrowUp, Check, RotateCcw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { SelectField } from "@/components/ui/SelectField";
import { TextAreaField } from "@/components/ui/TextAreaField";
import { TextField } from "@/components/ui/TextField";
import { formatCalendarDate } from "@/lib/format";
import { DeleteItemButton, ItemFormDialog } from "../_components/ItemDialogs";
import { formatDay, formatTimeOfDay } from "../_lib/dates";
import { useActionRunner } from "../_lib/use-action";
import {
  createEtapeAction,
  deleteEtapeAction,
  reorderEtapesAction,
  updateEtapeAction,
} from "./actions";

const statutTone: Record<StatutEtape, string> = {
  a_planifier: "bg-gray-100 text-gray-800",
  planifie: "bg-sky-100 text-sky-900",
  en_cours: "bg-amber-100 text-amber-900",
  complete: "bg-green-100 text-green-800",
};

/** The transaction's étapes in order: add, edit, move, complete, delete. */
export function EtapesSection({
  transactionId,
  etapes,
}: {
  transactionId: number;
  etapes: Etape[];
}) {
  const t = useTranslations("workspace.etapes");
  const { run, pending } = useActionRunner();

  function move(index: number, offset: -1 | 1) {
    const ids = etapes.map((etape) => etape.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + offset, 0, moved!);
    run(() => reorderEtapesAction(transactionId, ids), t("moved"));
  }

  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-gray-900">{t("title")}</h2>
          <p className="text-sm text-gray-600">{t("intro")}</p>
        </div>
        <EtapeDialog transactionId={transactionId} />
      </div>
      {etapes.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-sm text-gray-700">
          {t("empty")}
        </p>
      ) : (
        <ol aria-label={t("listLabel")} className="flex flex-col gap-3">
          {etapes.map((etape, index) => (
            <EtapeItem
              key={etape.id}
              etape={etape}
              position={index + 1}
              first={index === 0}
              last={index === etapes.length - 1}
              busy={pending}
              onMove={(offset) => move(index, offset)}
              transactionId={transactionId}
            />
          ))}
        </ol>
      )}
    </Card>
  );
}

function EtapeItem({
  etape,
  position,
  first,
  last,
  busy,
  onMove,
  transactionId,
}: {
  etape: Etape;
  position: number;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (offset: -1 | 1) => void;
  transactionId: number;
}) {
  const t = useTranslations("workspace.etapes");
  const tStatut = useTranslations("enumLabels.statutEtape");
  const locale = useLocale();
  const { run, pending } = useActionRunner();
  const done = etape.statut === "complete";
  const title = etape.titre;

  const when = done
    ? etape.date_completion
      ? t("completedOn", { date: formatDay(etape.date_completion, locale) })
      : null
    : etape.date_planifiee
      ? etape.heure_planifiee
        ? t("scheduledAt", {
            date: formatCalendarDate(etape.date_planifiee, locale),
            time: formatTimeOfDay(etape.heure_planifiee, locale),
          })
        : t("scheduled", { date: formatCalendarDate(etape.date_planifiee, locale) })
      : t("notScheduled");

  return (
    <li
      className={cn(
        "flex flex-col gap-3 rounded-xl border p-4",
        done ? "border-green-200 bg-green-50/40" : "border-gray-200 bg-white",
      )}
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className={cn(
            "inline-flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
            done ? "bg-green-600 text-white" : "bg-accent-50 text-accent-800",
          )}
        >
          {done ? <Check className="size-4" /> : position}
        </span>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className={cn("font-medium text-gray-900", done && "text-gray-700")}>{title}</h3>
            <span
              className={cn(
                "rounded-full px-2.5 py-0.5 text-xs font-medium",
                statutTone[etape.statut],
              )}
            >
              {tStatut(etape.statut)}
            </span>
          </div>
          {etape.description && (
            <p className="text-sm whitespace-pre-line text-gray-700">{etape.description}</p>
          )}
          {when && <p className="text-xs text-gray-600">{when}</p>}
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-end gap-1 border-t border-gray-100 pt-2">
        <Button
          variant="ghost"
          className="px-2"
          pending={pending}
          aria-label={done ? t("reopenLabel", { title }) : t("completeLabel", { title })}
          onClick={() =>
            run(
              () =>
                updateEtapeAction(etape.id, {
                  statut: done ? (etape.date_planifiee ? "planifie" : "a_planifier") : "complete",
                }),
              done ? t("reopened") : t("completed"),
            )
          }
        >
          {done ? (
            <RotateCcw aria-hidden="true" className="size-4" />
          ) : (
            <Check aria-hidden="true" className="size-4" />
          )}
          <span className="hidden sm:inline">{done ? t("reopen") : t("complete")}</span>
        </Button>
        <Button
          variant="ghost"
          className="px-2"
          disabled={first || busy}
          aria-label={t("moveUp", { title })}
          onClick={() => onMove(-1)}
        >
          <ArrowUp aria-hidden="true" className="size-4" />
        </Button>
        <Button
          variant="ghost"
          className="px-2"
          disabled={last || busy}
          aria-label={t("moveDown", { title })}
          onClick={() => onMove(1)}
        >
          <ArrowDown aria-hidden="true" className="size-4" />
        </Button>
        <EtapeDialog transactionId={transactionId} etape={etape} />
        <DeleteItemButton
          label={t("delete", { title })}
          title={t("deleteTitle", { title })}
          description={t("deleteBody")}
          remove={() => deleteEtapeAction(etape.id)}
          deletedMessage={t("deleted")}
        />
      </div>
    </li>
  );
}

type EtapeValues = {
  titre: string;
  description: string;
  statut: StatutEtape;
  date_planifiee: string;
  heure_planifiee: string;
};

const valuesOf = (etape?: Etape): EtapeValues => ({
  titre: etape?.titre ?? "",
  description: etape?.description ?? "",
  statut: etape?.statut ?? "a_planifier",
  date_planifiee: etape?.date_planifiee ?? "",
  heure_planifiee: etape?.heure_planifiee?.slice(0, 5) ?? "",
});

/** Adds an étape (no `etape`) or edits one, in a dialog. */
function EtapeDialog({ transactionId, etape }: { transactionId: number; etape?: Etape }) {
  const t = useTranslations("workspace");
  const tStatut = useTranslations("enumLabels.statutEtape");
  return (
    <ItemFormDialog
      title={etape ? t("etapes.dialogEdit") : t("etapes.dialogAdd")}
      addLabel={t("etapes.add")}
      editLabel={etape && t("etapes.edit", { title: etape.titre })}
      initialValues={() => valuesOf(etape)}
      toBody={(values) => {
        const fields = {
          titre: values.titre,
          description: values.description.trim() || null,
          statut: values.statut,
          date_planifiee: values.date_planifiee || null,
          heure_planifiee: values.heure_planifiee || null,
        };
        return etape ? fields : { transaction_id: transactionId, ...fields };
      }}
      schema={(s) => (etape ? s.updateEtapeBodySchema : s.createEtapeBodySchema)}
      save={(body) =>
        etape
          ? updateEtapeAction(etape.id, body)
          : createEtapeAction(body as typeof body & { transaction_id: number })
      }
      savedMessage={etape ? t("etapes.saved") : t("etapes.added")}
    >
      {(field) => (
        <>
          <TextField
            label={t("etapes.fields.titre")}
            required
            maxLength={200}
            {...field("titre")}
          />
          <TextAreaField
            label={t("etapes.fields.description")}
            rows={3}
            maxLength={5000}
            {...field("description")}
          />
          <SelectField
            label={t("etapes.fields.statut")}
            options={STATUTS_ETAPE.map((value) => ({ value, label: tStatut(value) }))}
            {...field("statut")}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={t("etapes.fields.date")} type="date" {...field("date_planifiee")} />
            <TextField label={t("etapes.fields.heure")} type="time" {...field("heure_planifiee")} />
          </div>
        </>
      )}
    </ItemFormDialog>
  );
}
