import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormShell } from "@/components/ui/FormShell";
import { Link } from "@/i18n/navigation";
import { paths } from "@/lib/paths";
import { RegisterForm } from "./RegisterForm";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "register" });
  return { title: t("title") };
}

export default async function RegisterPage({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "register" });
  return (
    <FormShell
      title={t("title")}
      intro={t("intro")}
      footer={
        <p>
          {t("haveAccount")}{" "}
          <Link
            href={paths.login}
            className="font-medium text-accent-700 underline-offset-2 hover:underline"
          >
            {t("loginLink")}
          </Link>
        </p>
      }
    >
      <RegisterForm />
    </FormShell>
  );
}
