import { tachePageSchema } from "@portail/shared";
import { ClipboardList } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/Card";
import { apiJson } from "@/lib/api/server";
import { loadOrFail, requireModule, selectedTransactionId } from "../data";
import { todayInQuebec } from "./due";
import { TachesBoard } from "./TachesBoard";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "portalTasks" });
  return { title: t("title") };
}

/** What the broker asked the client to do (plan §3.4), checked off here. */
export default async function ClientTachesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const transactionId = selectedTransactionId(await searchParams);
  const { transaction } = await requireModule("acces_taches", transactionId);
  const t = await getTranslations({ locale, namespace: "portalTasks" });

  const page = transaction
    ? await loadOrFail(() =>
        apiJson(
          `/portail/transaction-taches/transaction/${transaction.id}?limit=100`,
          tachePageSchema,
        ),
      )
    : null;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      {page ? (
        // Today is decided once, on the server, in Québec: the browser's clock cannot disagree.
        <TachesBoard taches={page.items} today={todayInQuebec()} />
      ) : (
        <Card className="flex flex-col items-center gap-3 py-12 text-center">
          <ClipboardList aria-hidden="true" className="size-10 text-gray-500" />
          <h2 className="text-lg font-semibold text-gray-900">{t("noTransaction.title")}</h2>
          <p className="max-w-md text-sm text-gray-700">{t("noTransaction.body")}</p>
        </Card>
      )}
    </div>
  );
}
