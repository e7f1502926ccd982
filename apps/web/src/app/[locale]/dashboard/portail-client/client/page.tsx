import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PagePlaceholder } from "@/components/portail-client/PagePlaceholder";
import { requirePortailClient } from "@/lib/auth-guards";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "clientPortal" });
  return { title: t("title") };
}

export default async function ClientHomePage({ params }: Props) {
  const { locale } = await params;
  const user = await requirePortailClient();
  const t = await getTranslations({ locale, namespace: "clientPortal" });
  return (
    <PagePlaceholder title={t("greeting", { name: user.first_name })} body={t("placeholder")} />
  );
}
