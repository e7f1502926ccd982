import { messagePageSchema } from "@portail/shared";
import { MessagesSquare } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/Card";
import { apiJson } from "@/lib/api/server";
import { loadOrFail, requireModule, selectedTransactionId } from "../data";
import { MessageThread } from "./MessageThread";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "portalMessages" });
  return { title: t("title") };
}

/** The thread with the broker (plan §3.4): the newest page here, then live in the browser. */
export default async function ClientMessagesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const transactionId = selectedTransactionId(await searchParams);
  const { transaction, courtier } = await requireModule("acces_messagerie", transactionId);
  const t = await getTranslations({ locale, namespace: "portalMessages" });

  const page = transaction
    ? await loadOrFail(() =>
        apiJson(`/portail/transaction-messages/transaction/${transaction.id}`, messagePageSchema),
      )
    : null;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600">
          {t("intro", { name: `${courtier.first_name} ${courtier.last_name}` })}
        </p>
      </div>
      {transaction && page ? (
        <MessageThread transactionId={transaction.id} initialPage={page} courtier={courtier} />
      ) : (
        <Card className="flex flex-col items-center gap-3 py-12 text-center">
          <MessagesSquare aria-hidden="true" className="size-10 text-gray-500" />
          <h2 className="text-lg font-semibold text-gray-900">{t("noTransaction.title")}</h2>
          <p className="max-w-md text-sm text-gray-700">{t("noTransaction.body")}</p>
        </Card>
      )}
    </div>
  );
}
