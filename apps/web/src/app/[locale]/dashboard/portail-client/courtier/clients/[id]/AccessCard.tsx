"use client";

import type { Invitation } from "@portail/shared";
import { ACCESS_FLAGS } from "@portail/shared/constants";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Card } from "@/components/ui/Card";
import { Switch } from "../_components/Switch";
import { useActionRunner } from "../_lib/use-action";
import type { AccessFlag } from "../inviter/invite-input";
import { updateInvitationAction } from "./actions";

const flagsOf = (invitation: Invitation) =>
  Object.fromEntries(ACCESS_FLAGS.map((flag) => [flag, invitation[flag]])) as Record<
    AccessFlag,
    boolean
  >;

/**
 * The five sections the client sees, each a switch saved at once. The switch moves right
 * away; if the API refuses, it moves back and a toast says why.
 */
export function AccessCard({ invitation }: { invitation: Invitation }) {
  const t = useTranslations("workspace.access");
  const tFlag = useTranslations("invite.acces");
  const { run } = useActionRunner();
  const [flags, setFlags] = useState(() => flagsOf(invitation));
  const [saving, setSaving] = useState<AccessFlag | null>(null);
  // The server's state wins whenever the page is re-rendered.
  useEffect(() => setFlags(flagsOf(invitation)), [invitation]);

  function toggle(flag: AccessFlag, value: boolean) {
    setFlags((current) => ({ ...current, [flag]: value }));
    setSaving(flag);
    const section = tFlag(`${flag}.label`);
    run(
      () => updateInvitationAction(invitation.id, { [flag]: value }),
      t(value ? "on" : "off", { section }),
      (result) => {
        setSaving(null);
        if (!result.ok) setFlags((current) => ({ ...current, [flag]: !value }));
      },
    );
  }

  return (
    <Card className="flex flex-col gap-4">
      <div>
        <h2 className="text-lg font-semibold text-gray-900">{t("title")}</h2>
        <p className="text-sm text-gray-600">{t("help")}</p>
      </div>
      <ul className="flex flex-col divide-y divide-gray-100">
        {ACCESS_FLAGS.map((flag) => (
          <li key={flag} className="py-3 first:pt-0 last:pb-0">
            <Switch
              label={tFlag(`${flag}.label`)}
              description={tFlag(`${flag}.description`)}
              checked={flags[flag]}
              disabled={saving === flag}
              onCheckedChange={(value) => toggle(flag, value)}
            />
          </li>
        ))}
      </ul>
    </Card>
  );
}
