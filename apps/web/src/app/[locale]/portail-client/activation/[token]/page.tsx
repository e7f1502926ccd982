import { type InvitationPublic, invitationPublicSchema } from "@portail/shared";
import { Clock, Mail, Phone, UserRound } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/Card";
import { apiJson } from "@/lib/api/server";
import { formatDateTime } from "@/lib/format";
import { ActivationForm } from "./ActivationForm";
import { LinkProblemCard } from "./LinkProblemCard";
import { brokerToAsk, linkProblemOf } from "./link-problems";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "activation" });
  // The token is in the URL: never hand it to another site as a referrer.
  return { title: t("title"), referrer: "no-referrer" };
}

/** The page of the emailed link: who invites whom, then the client chooses a password. */
export default async function ActivationPage({ params }: Props) {
  const { locale, token } = await params;
  const t = await getTranslations({ locale, namespace: "activation" });

  let invitation: InvitationPublic;
  try {
    invitation = await apiJson(
      `/client-invitations/by-token/${encodeURIComponent(token)}`,
      invitationPublicSchema,
      { anonymous: true },
    );
  } catch (error) {
    const problem = linkProblemOf(error);
    if (!problem) throw error;
    return <LinkProblemCard problem={problem} courtier={brokerToAsk(error)} />;
  }

  const broker = `${invitation.courtier.first_name} ${invitation.courtier.last_name}`;
  return (
    <Card className="flex flex-col gap-6 p-6 sm:p-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold text-gray-900">
          {t("greeting", { name: invitation.prenom })}
        </h1>
        <p className="text-sm text-gray-700">{t(`intro.${invitation.type_projet}`, { broker })}</p>
      </div>

      <div className="grid gap-4 rounded-xl border border-accent-100 bg-accent-50/60 p-4 sm:grid-cols-2">
        <section aria-labelledby="activation-broker" className="flex flex-col gap-2">
          <h2
            id="activation-broker"
            className="text-xs font-semibold tracking-wide text-gray-700 uppercase"
          >
            {t("details.broker")}
          </h2>
          <p className="flex items-center gap-2 text-sm font-semibold text-gray-900">
            <UserRound aria-hidden="true" className="size-4 text-accent-700" />
            {broker}
          </p>
          <p className="flex items-center gap-2 text-sm break-all text-gray-800">
            <Mail aria-hidden="true" className="size-4 shrink-0 text-accent-700" />
            {invitation.courtier.email}
          </p>
          {invitation.courtier.telephone && (
            <p className="flex items-center gap-2 text-sm text-gray-800">
              <Phone aria-hidden="true" className="size-4 text-accent-700" />
              {invitation.courtier.telephone}
            </p>
          )}
        </section>
        <section aria-labelledby="activation-account" className="flex flex-col gap-2">
          <h2
            id="activation-account"
            className="text-xs font-semibold tracking-wide text-gray-700 uppercase"
          >
            {t("details.account")}
          </h2>
          <p className="text-sm font-semibold text-gray-900">
            {invitation.prenom} {invitation.nom}
          </p>
          <p className="text-sm break-all text-gray-800">{invitation.email}</p>
          <p className="text-sm text-gray-800">
            {t("details.project", { type: t(`type.${invitation.type_projet}`) })}
          </p>
        </section>
        <p className="flex items-center gap-2 text-xs text-gray-700 sm:col-span-2">
          <Clock aria-hidden="true" className="size-4" />
          {t("details.expires", { date: formatDateTime(invitation.expires_at, locale) })}
        </p>
      </div>

      <ActivationForm
        token={token}
        firstName={invitation.prenom}
        lastName={invitation.nom}
        email={invitation.email}
      />
    </Card>
  );
}
