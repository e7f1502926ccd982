"use client";

import { ArrowRight, CheckCircle2, List, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button, buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Link } from "@/i18n/navigation";
import { paths } from "@/lib/paths";

/** The confirmation after sending: names the email, leads to the new client's file. */
export function InviteSuccess({
  invitation,
  invitationTtlDays,
  onAnother,
}: {
  invitation: { id: number; email: string; prenom: string; nom: string };
  invitationTtlDays: number;
  onAnother: () => void;
}) {
  const t = useTranslations("invite.success");
  const heading = useRef<HTMLHeadingElement>(null);
  // The form the person was in is gone: move focus to what replaced it.
  useEffect(() => heading.current?.focus(), []);

  return (
    <Card className="mx-auto flex w-full max-w-2xl flex-col items-center gap-4 py-10 text-center">
      <span className="inline-flex size-16 items-center justify-center rounded-full bg-green-50">
        <CheckCircle2 aria-hidden="true" className="size-9 text-green-700" />
      </span>
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold text-gray-900 outline-none">
        {t("title")}
      </h2>
      <p className="max-w-md text-sm text-gray-700">
        {t.rich("body", {
          email: invitation.email,
          days: invitationTtlDays,
          b: (chunks) => <strong className="text-gray-900">{chunks}</strong>,
        })}
      </p>
      <div className="mt-2 flex flex-wrap justify-center gap-3">
        <Link
          href={`${paths.courtierClients}/${invitation.id}`}
          className={buttonClasses("primary")}
        >
          {t("openWorkspace", { name: `${invitation.prenom} ${invitation.nom}` })}
          <ArrowRight aria-hidden="true" className="size-4" />
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          <UserPlus aria-hidden="true" className="size-4" />
          {t("another")}
        </Button>
        <Link href={paths.courtierClients} className={buttonClasses("ghost")}>
          <List aria-hidden="true" className="size-4" />
          {t("backToList")}
        </Link>
      </div>
    </Card>
  );
}
