import type { ClientDashboard } from "@portail/shared";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";

/**
 * Shown when the client has several transactions: a plain GET form, so it works before
 * JavaScript loads and the choice stays in the URL (?transaction_id=).
 */
export function TransactionSwitcher({
  transactions,
  selectedId,
}: {
  transactions: ClientDashboard["transactions"];
  selectedId: number;
}) {
  const t = useTranslations("portal");
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor="transaction-switcher" className="text-sm font-medium text-gray-800">
          {t("switcher.label")}
        </label>
        <select
          id="transaction-switcher"
          name="transaction_id"
          defaultValue={String(selectedId)}
          className="min-h-10 rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900"
        >
          {transactions.map((transaction) => (
            <option key={transaction.id} value={transaction.id}>
              {t("switcher.option", {
                type: t(`type.${transaction.type}`),
                adresse: transaction.adresse ?? t("switcher.noAddress"),
                statut: t(`statut.${transaction.statut}`),
              })}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        {t("switcher.submit")}
      </Button>
    </form>
  );
}
