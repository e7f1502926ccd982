import { ArrowRight, UserPlus, Users } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Link } from "@/i18n/navigation";
import { requireCourtier } from "@/lib/auth-guards";
import { paths } from "@/lib/paths";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("title") };
}

/** The broker's home; for now it points to the client portal's pages. */
export default async function DashboardPage({ params }: Props) {
  const { locale } = await params;
  const user = await requireCourtier();
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">
          {t("greeting", { name: user.first_name })}
        </h1>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card className="flex flex-col gap-4">
          <div className="flex items-center gap-3">
            <span className="inline-flex size-10 items-center justify-center rounded-xl bg-accent-50 text-accent-700">
              <Users aria-hidden="true" className="size-5" />
            </span>
            <h2 className="text-lg font-semibold text-gray-900">{t("clients.title")}</h2>
          </div>
          <p className="text-sm text-gray-700">{t("clients.body")}</p>
          <Link href={paths.courtierClients} className={buttonClasses("primary", "self-start")}>
            {t("clients.action")}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </Card>
        <Card className="flex flex-col gap-4">
          <div className="flex items-center gap-3">
            <span className="inline-flex size-10 items-center justify-center rounded-xl bg-accent-50 text-accent-700">
              <UserPlus aria-hidden="true" className="size-5" />
            </span>
            <h2 className="text-lg font-semibold text-gray-900">{t("invite.title")}</h2>
          </div>
          <p className="text-sm text-gray-700">{t("invite.body")}</p>
          <Link href={paths.courtierInvite} className={buttonClasses("secondary", "self-start")}>
            {t("invite.action")}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </Card>
      </div>
    </div>
  );
}
