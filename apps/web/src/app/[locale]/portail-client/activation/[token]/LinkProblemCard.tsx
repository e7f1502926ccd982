import { Clock, Link2Off, LogIn, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Link } from "@/i18n/navigation";
import { paths } from "@/lib/paths";
import type { ActivationLinkProblem } from "./link-problems";

/**
 * An unusable activation link says why and offers the one useful next step: sign in (used),
 * or ask the broker for a new link (expired, unknown). Works in server and client components.
 */
export function LinkProblemCard({ problem }: { problem: ActivationLinkProblem }) {
  const t = useTranslations("activation.link");
  const Icon = problem === "used" ? ShieldCheck : problem === "expired" ? Clock : Link2Off;
  return (
    <Card className="flex flex-col items-center gap-4 p-8 text-center">
      <span className="inline-flex size-14 items-center justify-center rounded-full bg-amber-50 text-amber-800">
        <Icon aria-hidden="true" className="size-7" />
      </span>
      <h1 className="text-xl font-semibold text-gray-900">{t(`${problem}.title`)}</h1>
      <p className="max-w-md text-sm text-gray-700">{t(`${problem}.body`)}</p>
      {problem === "used" ? (
        <Link href={paths.login} className={buttonClasses("primary")}>
          <LogIn aria-hidden="true" className="size-4" />
          {t("used.action")}
        </Link>
      ) : (
        <p className="max-w-md text-sm text-gray-600">{t("contactBroker")}</p>
      )}
    </Card>
  );
}
