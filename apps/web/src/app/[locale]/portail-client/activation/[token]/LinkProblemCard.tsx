import type { CourtierContact } from "@portail/shared";
import { Clock, Link2Off, LogIn, Mail, Phone, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Link } from "@/i18n/navigation";
import { paths } from "@/lib/paths";
import type { ActivationLinkProblem } from "./link-problems";

/**
 * An unusable activation link says why and offers the one useful next step: sign in (used),
 * or ask the broker for a new link (expired: by name, email and phone when the API sends them;
 * unknown). Works in server and client components.
 */
export function LinkProblemCard({
  problem,
  courtier,
}: {
  problem: ActivationLinkProblem;
  courtier?: CourtierContact | null;
}) {
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
      ) : problem === "expired" && courtier ? (
        <BrokerContact courtier={courtier} />
      ) : (
        <p className="max-w-md text-sm text-gray-600">{t("contactBroker")}</p>
      )}
    </Card>
  );
}

function BrokerContact({ courtier }: { courtier: CourtierContact }) {
  const t = useTranslations("activation.link");
  const subject = encodeURIComponent(t("askBrokerSubject"));
  return (
    <div className="flex flex-col items-center gap-3">
      <p className="max-w-md text-sm text-gray-700">
        {t("askBroker", { name: `${courtier.first_name} ${courtier.last_name}` })}
      </p>
      <a
        href={`mailto:${courtier.email}?subject=${subject}`}
        className={buttonClasses("primary", "max-w-full")}
      >
        <Mail aria-hidden="true" className="size-4 shrink-0" />
        <span className="wrap-anywhere">{courtier.email}</span>
      </a>
      {courtier.telephone && (
        <a
          href={`tel:${courtier.telephone.replace(/[^\d+]/g, "")}`}
          className="inline-flex items-center gap-1.5 text-sm font-medium text-accent-700 hover:underline"
        >
          <Phone aria-hidden="true" className="size-4" />
          {courtier.telephone}
        </a>
      )}
    </div>
  );
}
