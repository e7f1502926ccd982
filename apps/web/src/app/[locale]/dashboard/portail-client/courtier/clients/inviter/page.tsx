import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PagePlaceholder } from "@/components/portail-client/PagePlaceholder";
import { requireCourtier } from "@/lib/auth-guards";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "invite" });
  return { title: t("title") };
}

export default async function InvitePage({ params }: Props) {
  const { locale } = await params;
  await requireCourtier();
  const t = await getTranslations({ locale, namespace: "invite" });
  return <PagePlaceholder title={t("title")} body={t("placeholder")} />;
}
