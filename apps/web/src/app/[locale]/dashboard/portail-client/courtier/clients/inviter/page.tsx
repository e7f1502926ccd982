import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getPublicConfig } from "@/lib/api/public-config";
import { requireCourtier } from "@/lib/auth-guards";
import { InvitePanel } from "./InviteForm";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "invite" });
  return { title: t("title") };
}

export default async function InvitePage({ params }: Props) {
  const { locale } = await params;
  const [user, config] = await Promise.all([requireCourtier(), getPublicConfig()]);
  const t = await getTranslations({ locale, namespace: "invite" });
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      <InvitePanel
        invitationTtlDays={config.invitation_ttl_days}
        broker={{
          first_name: user.first_name,
          last_name: user.last_name,
          email: user.email,
          telephone: user.telephone,
        }}
      />
    </div>
  );
}
