import type { Metadata } from "next";
import { redirect as redirectTo } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { FormShell } from "@/components/ui/FormShell";
import { Link, redirect } from "@/i18n/navigation";
import { getCurrentUser } from "@/lib/auth-guards";
import { landingPath, paths, safeNextPath } from "@/lib/paths";
import { LoginForm } from "./LoginForm";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "login" });
  return { title: t("title") };
}

/** Notices the login page shows after another page sent the person here. */
const NOTICES = ["activated", "reset", "loggedOut"] as const;

export default async function LoginPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const query = await searchParams;
  const next = safeNextPath(typeof query.next === "string" ? query.next : null) ?? undefined;

  // Already signed in: go where the link pointed, or home. An API outage shows the form.
  const user = await getCurrentUser().catch(() => null);
  if (user) {
    if (next) redirectTo(next);
    redirect({ href: landingPath(user), locale });
  }

  const t = await getTranslations({ locale, namespace: "login" });
  const notice = NOTICES.find((key) => query[key] === "1");
  return (
    <FormShell
      title={t("title")}
      intro={t("intro")}
      footer={
        <p>
          {t("noAccount")}{" "}
          <Link
            href={paths.register}
            className="font-medium text-accent-700 underline-offset-2 hover:underline"
          >
            {t("registerLink")}
          </Link>
        </p>
      }
    >
      {notice && <Alert tone="success">{t(`notice.${notice}`)}</Alert>}
      {next && !notice && <Alert tone="info">{t("notice.signInToContinue")}</Alert>}
      <LoginForm next={next} />
    </FormShell>
  );
}
