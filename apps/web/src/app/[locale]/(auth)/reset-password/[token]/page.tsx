import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormShell } from "@/components/ui/FormShell";
import { ResetPasswordForm } from "./ResetPasswordForm";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "resetPassword" });
  return { title: t("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params }: Props) {
  const { locale, token } = await params;
  const t = await getTranslations({ locale, namespace: "resetPassword" });
  // The token is only checked when the form is sent: the API has no "peek" endpoint for it.
  return (
    <FormShell title={t("title")} intro={t("intro")}>
      <ResetPasswordForm token={token} />
    </FormShell>
  );
}
