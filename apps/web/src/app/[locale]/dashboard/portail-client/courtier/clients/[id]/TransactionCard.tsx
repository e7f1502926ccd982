"use client";

import type { Transaction } from "@portail/shared";
import { TYPES_PROJET } from "@portail/shared/constants";
import { statutFromProgression } from "@portail/shared/progression";
import { Ban, FolderPlus, RotateCcw, Save } from "lucide-react";
import Form from "next/form";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { formatCalendarDate, formatMoney } from "@/lib/format";
import { loadSchemas, useFocusFirstError, validateWith, warmSchemas } from "@/lib/forms-client";
import { TransactionStatutBadge } from "../_components/Badges";
import { ConfirmDialog } from "../_components/ConfirmDialog";
import { ProgressBar } from "../_components/ProgressBar";
import { formatDay } from "../_lib/dates";
import { parseMoneyInput } from "../_lib/money";
import { useActionRunner } from "../_lib/use-action";
import { createTransactionAction, setProgressionAction, updateTransactionAction } from "./actions";
import type { WorkspaceTab } from "./workspace-data";

/** The transaction: progression and its statut, the property, prices and dates. */
export function TransactionCard({
  transaction,
  transactions,
  selectorAction,
  tab,
}: {
  transaction: Transaction;
  transactions: Transaction[];
  selectorAction: string;
  tab: WorkspaceTab;
}) {
  const t = useTranslations("workspace.transaction");
  const { run } = useActionRunner();
  const cancelled = transaction.statut === "annulee";

  const setStatut = (statut: Transaction["statut"], success: string) =>
    new Promise<boolean>((resolve) =>
      run(
        () => updateTransactionAction(transaction.id, { statut }),
        success,
        (result) => resolve(result.ok),
      ),
    );

  return (
    <Card className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold text-gray-900">{t("title")}</h2>
          <TransactionStatutBadge statut={transaction.statut} />
        </div>
        {transactions.length > 1 && (
          <TransactionSelector
            transactions={transactions}
            selected={transaction.id}
            action={selectorAction}
            tab={tab}
          />
        )}
      </div>

      {cancelled ? (
        <Alert tone="info">{t("cancelledNotice")}</Alert>
      ) : (
        <ProgressionControl key={transaction.progression} transaction={transaction} />
      )}

      <DetailsForm transaction={transaction} />

      <div className="flex justify-end border-t border-gray-100 pt-4">
        {cancelled ? (
          <Button
            variant="secondary"
            onClick={() => setStatut(statutFromProgression(transaction.progression), t("reopened"))}
          >
            <RotateCcw aria-hidden="true" className="size-4" />
            {t("reopen")}
          </Button>
        ) : (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" className="text-red-700 hover:bg-red-50">
                <Ban aria-hidden="true" className="size-4" />
                {t("cancel")}
              </Button>
            }
            title={t("cancelTitle")}
            description={t("cancelBody")}
            confirmLabel={t("cancelConfirm")}
            onConfirm={() => setStatut("annulee", t("cancelled"))}
          />
        )}
      </div>
    </Card>
  );
}

/** A client with several transactions: which one the page shows (a GET form, in the URL). */
function TransactionSelector({
  transactions,
  selected,
  action,
  tab,
}: {
  transactions: Transaction[];
  selected: number;
  action: string;
  tab: WorkspaceTab;
}) {
  const t = useTranslations("workspace.transaction");
  const tType = useTranslations("enumLabels.typeProjet");
  const tStatut = useTranslations("enumLabels.statutTransaction");
  const locale = useLocale();
  return (
    <Form action={action} scroll={false} className="flex items-end gap-2">
      <input type="hidden" name="onglet" value={tab} />
      <SelectField
        label={t("selector")}
        name="transaction"
        defaultValue={String(selected)}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        options={transactions.map((tx) => ({
          value: String(tx.id),
          label: t("option", {
            type: tType(tx.type),
            statut: tStatut(tx.statut),
            // date_debut is a calendar date; created_at a moment, read in Québec's time zone.
            date: tx.date_debut
              ? formatCalendarDate(tx.date_debut, locale, "medium")
              : formatDay(tx.created_at, locale),
          }),
        }))}
      />
      <noscript>
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </noscript>
    </Form>
  );
}

/** The progression slider: the statut it leads to is shown as the broker moves it. */
function ProgressionControl({ transaction }: { transaction: Transaction }) {
  const t = useTranslations("workspace.transaction");
  const { run, pending } = useActionRunner();
  const [value, setValue] = useState(transaction.progression);
  const sliderId = useId();
  const derived = statutFromProgression(value);
  const changed = value !== transaction.progression;

  const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(Number.isFinite(n) ? n : 0)));

  return (
    <section
      aria-labelledby={`${sliderId}-title`}
      className="flex flex-col gap-3 rounded-xl bg-gray-50 p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={`${sliderId}-title`} className="font-semibold text-gray-900">
          {t("progression")}
        </h3>
        <p className="flex items-center gap-2 text-sm text-gray-700" aria-live="polite">
          {t("derivedStatut")}
          <TransactionStatutBadge statut={derived} />
        </p>
      </div>
      <ProgressBar value={value} className="sm:hidden" />
      <div className="flex flex-wrap items-center gap-4">
        <input
          id={sliderId}
          type="range"
          min={0}
          max={100}
          step={5}
          value={value}
          onChange={(e) => setValue(clamp(Number(e.target.value)))}
          aria-labelledby={`${sliderId}-title`}
          aria-valuetext={`${value} %`}
          className="h-2 min-w-40 flex-1 cursor-pointer accent-accent-600"
        />
        <div className="w-28">
          <TextField
            label={t("progressionField")}
            name="progression"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            value={String(value)}
            onChange={(e) => setValue(clamp(Number(e.target.value)))}
          />
        </div>
        <Button
          disabled={!changed}
          pending={pending}
          onClick={() =>
            run(() => setProgressionAction(transaction.id, value), t("progressionSaved", { value }))
          }
          className="self-end"
        >
          <Save aria-hidden="true" className="size-4" />
          {t("saveProgression")}
        </Button>
      </div>
    </section>
  );
}

const DETAIL_FIELDS = [
  "type",
  "adresse",
  "ville",
  "prix_offert",
  "prix_accepte",
  "date_debut",
  "date_fin",
] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];

const detailsOf = (tx: Transaction): Record<DetailField, string> => ({
  type: tx.type,
  adresse: tx.adresse ?? "",
  ville: tx.ville ?? "",
  prix_offert: tx.prix_offert ?? "",
  prix_accepte: tx.prix_accepte ?? "",
  date_debut: tx.date_debut ?? "",
  date_fin: tx.date_fin ?? "",
});

function DetailsForm({ transaction }: { transaction: Transaction }) {
  const t = useTranslations("workspace.transaction");
  const tAll = useTranslations();
  const tType = useTranslations("enumLabels.typeProjet");
  const locale = useLocale();
  const { run, pending } = useActionRunner();
  const [values, setValues] = useState(() => detailsOf(transaction));
  const [errors, setErrors] = useState<Record<string, string>>();
  const formRef = useFocusFirstError(errors);
  // After a save (or another change) the page re-renders: show what the server holds.
  useEffect(() => setValues(detailsOf(transaction)), [transaction]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const money = (field: "prix_offert" | "prix_accepte") => {
      const parsed = parseMoneyInput(values[field]);
      if (parsed === undefined) problems[field] = tAll("validation.invalid");
      return parsed ?? null;
    };
    const body = {
      type: values.type,
      adresse: values.adresse.trim() || null,
      ville: values.ville.trim() || null,
      prix_offert: money("prix_offert"),
      prix_accepte: money("prix_accepte"),
      date_debut: values.date_debut || null,
      date_fin: values.date_fin || null,
    };
    const { updateTransactionBodySchema } = await loadSchemas();
    const schemaProblems = validateWith(updateTransactionBodySchema, body, tAll) ?? {};
    const all = { ...schemaProblems, ...problems };
    if (Object.keys(all).length > 0) return setErrors(all);
    setErrors(undefined);
    run(
      () => updateTransactionAction(transaction.id, body),
      t("saved"),
      (result) => {
        if (!result.ok && result.fieldErrors) setErrors(result.fieldErrors);
      },
    );
  }

  const field = (name: DetailField) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors?.[name],
  });

  const moneyHelp = (name: "prix_offert" | "prix_accepte") => {
    const parsed = parseMoneyInput(values[name]);
    return parsed ? t("moneyAmount", { amount: formatMoney(parsed, locale) }) : t("moneyHelp");
  };

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      onFocus={warmSchemas}
      noValidate
      className="flex flex-col gap-4"
    >
      <h3 className="font-semibold text-gray-900">{t("details")}</h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("type")}
          options={TYPES_PROJET.map((value) => ({ value, label: tType(value) }))}
          {...field("type")}
        />
        <TextField label={t("ville")} autoComplete="off" maxLength={120} {...field("ville")} />
        <TextField
          label={t("adresse")}
          autoComplete="off"
          maxLength={300}
          className="sm:col-span-2"
          {...field("adresse")}
        />
        <TextField
          label={t("prixOffert")}
          inputMode="decimal"
          autoComplete="off"
          description={moneyHelp("prix_offert")}
          {...field("prix_offert")}
        />
        <TextField
          label={t("prixAccepte")}
          inputMode="decimal"
          autoComplete="off"
          description={moneyHelp("prix_accepte")}
          {...field("prix_accepte")}
        />
        <TextField label={t("dateDebut")} type="date" {...field("date_debut")} />
        <TextField
          label={t("dateFin")}
          type="date"
          min={values.date_debut || undefined}
          {...field("date_fin")}
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          <Save aria-hidden="true" className="size-4" />
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

/** A client without any transaction yet (the invitation opens one; it may have been removed). */
export function NoTransaction({ invitationId }: { invitationId: number }) {
  const t = useTranslations("workspace.transaction.none");
  const tTx = useTranslations("workspace.transaction");
  const { run, pending } = useActionRunner();
  return (
    <Card className="flex flex-col items-center gap-3 py-10 text-center">
      <FolderPlus aria-hidden="true" className="size-10 text-accent-700" />
      <h2 className="text-lg font-semibold text-gray-900">{t("title")}</h2>
      <p className="max-w-md text-sm text-gray-700">{t("body")}</p>
      <Button
        pending={pending}
        onClick={() => run(() => createTransactionAction(invitationId), tTx("created"))}
      >
        {t("action")}
      </Button>
    </Card>
  );
}
