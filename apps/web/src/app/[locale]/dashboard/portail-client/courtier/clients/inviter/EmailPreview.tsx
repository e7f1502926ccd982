"use client";

import type { Locale } from "@portail/shared";
import { Eye } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { InviteValues } from "./invite-input";

export interface BrokerSignature {
  first_name: string;
  last_name: string;
  email: string;
  telephone: string | null;
}

/**
 * The invitation email as the client will read it, in the language chosen for the invitation
 * (not the page's): the same wording as the API's template, updated as the broker types.
 */
export function EmailPreview({
  values,
  broker,
  invitationTtlDays,
  className,
}: {
  values: InviteValues;
  broker: BrokerSignature;
  /** How long the emailed link works (the API's INVITATION_TTL_DAYS, from GET /config). */
  invitationTtlDays: number;
  className?: string;
}) {
  const t = useTranslations("invite.preview");
  const tLocales = useTranslations("invite.locales");
  const copy = useTranslations("invite.emailCopy");
  const lang: Locale = values.locale === "en" ? "en" : "fr";
  const brokerName = `${broker.first_name} ${broker.last_name}`;
  const clientName =
    `${values.prenom.trim()} ${values.nom.trim()}`.trim() || t("clientPlaceholder");
  const message = values.message_personnalise.trim();

  return (
    <section
      aria-labelledby="invite-preview-title"
      className={cn("flex flex-col gap-3", className)}
    >
      <div className="flex items-center gap-2">
        <Eye aria-hidden="true" className="size-5 text-accent-700" />
        <h2 id="invite-preview-title" className="text-lg font-semibold text-gray-900">
          {t("title")}
        </h2>
      </div>
      <p className="text-sm text-gray-600">
        {t("intro")} {t("language", { language: tLocales(lang) })}
      </p>
      <div className="flex flex-col overflow-hidden rounded-2xl border border-gray-200 bg-white shadow-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-b border-gray-200 bg-gray-50 px-5 py-3 text-sm">
          <dt className="text-gray-600">{t("to")}</dt>
          <dd className="truncate text-gray-900">
            {clientName} &lt;{values.email.trim() || t("emailPlaceholder")}&gt;
          </dd>
          <dt className="text-gray-600">{t("subject")}</dt>
          <dd lang={lang} className="font-medium text-gray-900">
            {copy(`${lang}.subject`, { broker: brokerName })}
          </dd>
        </dl>
        <div
          lang={lang}
          className="flex flex-col gap-3 px-5 py-5 text-sm leading-relaxed text-gray-800"
        >
          <p>{copy(`${lang}.greeting`, { name: clientName })}</p>
          <p>{copy(`${lang}.intro`, { broker: brokerName })}</p>
          {message && (
            <div>
              <p className="mb-1">{copy(`${lang}.messageIntro`, { broker: brokerName })}</p>
              <blockquote className="border-l-4 border-accent-600 bg-gray-50 px-4 py-3 whitespace-pre-line text-gray-800">
                {message}
              </blockquote>
            </div>
          )}
          <p>
            <span className="inline-block rounded-lg bg-accent-600 px-4 py-2 font-semibold text-white">
              {copy(`${lang}.action`)}
            </span>
          </p>
          <p>{copy(`${lang}.validity`, { days: invitationTtlDays })}</p>
          <p>
            {copy(`${lang}.contact`)}
            <br />
            <strong>{brokerName}</strong>
            <br />
            {broker.email}
            {broker.telephone && (
              <>
                <br />
                {broker.telephone}
              </>
            )}
          </p>
        </div>
      </div>
    </section>
  );
}
