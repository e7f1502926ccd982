"use client";

import type { Invitation } from "@portail/shared";
import { Ban, Send, UserCheck } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { formatDateTime } from "@/lib/format";
import { StatutBadge } from "../_components/Badges";
import { ConfirmDialog } from "../_components/ConfirmDialog";
import { useActionRunner } from "../_lib/use-action";
import { resendInvitationAction, updateInvitationAction } from "./actions";
import { ContactDetails } from "./ContactDetails";

/** The invitation: its statut and dates, resend while invited, deactivate / reactivate after. */
export function InvitationCard({ invitation }: { invitation: Invitation }) {
  const t = useTranslations("workspace.invitation");
  const locale = useLocale();
  const { run, pending } = useActionRunner();
  const name = `${invitation.prenom} ${invitation.nom}`;
  const expired =
    invitation.statut === "invite" &&
    invitation.expires_at !== null &&
    new Date(invitation.expires_at).getTime() < Date.now();

  const when = (iso: string | null, empty: string) =>
    iso ? (
      <time dateTime={iso}>{formatDateTime(iso, locale)}</time>
    ) : (
      <span className="text-gray-600">{empty}</span>
    );

  const setStatut = (statut: "actif" | "inactif") =>
    new Promise<boolean>((resolve) =>
      run(
        () => updateInvitationAction(invitation.id, { statut }),
        t(statut === "inactif" ? "deactivated" : "reactivated", { name }),
        (result) => resolve(result.ok),
      ),
    );

  return (
    <Card className="flex flex-col gap-5">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-gray-900">{t("title")}</h2>
        <StatutBadge statut={invitation.statut} />
      </div>

      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2 xl:grid-cols-1 2xl:grid-cols-2">
        <div>
          <dt className="text-gray-600">{t("invitedOn")}</dt>
          <dd className="font-medium text-gray-900">{when(invitation.date_invitation, "")}</dd>
        </div>
        {invitation.statut === "invite" ? (
          <div>
            <dt className="text-gray-600">{t("expiresOn")}</dt>
            <dd className={expired ? "font-medium text-red-700" : "font-medium text-gray-900"}>
              {when(invitation.expires_at, t("notYet"))}
            </dd>
          </div>
        ) : (
          <div>
            <dt className="text-gray-600">{t("activatedOn")}</dt>
            <dd className="font-medium text-gray-900">
              {when(invitation.date_activation, t("notYet"))}
            </dd>
          </div>
        )}
        <div>
          <dt className="text-gray-600">{t("lastLogin")}</dt>
          <dd className="font-medium text-gray-900">
            {when(invitation.derniere_connexion, t("never"))}
          </dd>
        </div>
      </dl>

      {expired && <Alert tone="error">{t("expired")}</Alert>}
      {invitation.statut === "inactif" && <Alert tone="info">{t("inactiveNotice")}</Alert>}

      <div className="flex flex-wrap gap-3">
        {invitation.statut === "invite" && (
          <Button
            variant={expired ? "primary" : "secondary"}
            pending={pending}
            onClick={() =>
              run(
                () => resendInvitationAction(invitation.id),
                (sent) => t("resent", { email: sent.email }),
              )
            }
          >
            <Send aria-hidden="true" className="size-4" />
            {t("resend")}
          </Button>
        )}
        {invitation.statut === "actif" && (
          <ConfirmDialog
            trigger={
              <Button variant="secondary">
                <Ban aria-hidden="true" className="size-4" />
                {t("deactivate")}
              </Button>
            }
            title={t("deactivateTitle", { name })}
            description={t("deactivateBody", { name })}
            confirmLabel={t("deactivateConfirm")}
            onConfirm={() => setStatut("inactif")}
          />
        )}
        {invitation.statut === "inactif" && (
          <ConfirmDialog
            tone="primary"
            trigger={
              <Button variant="primary">
                <UserCheck aria-hidden="true" className="size-4" />
                {t("reactivate")}
              </Button>
            }
            title={t("reactivateTitle", { name })}
            description={t("reactivateBody", { name })}
            confirmLabel={t("reactivateConfirm")}
            onConfirm={() => setStatut("actif")}
          />
        )}
      </div>

      <ContactDetails invitation={invitation} />
    </Card>
  );
}
