import type { StatutInvitation, StatutTransaction, TypeProjet } from "@portail/shared";
import { House, KeyRound, type LucideIcon, Tag } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const badge = "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium";

const statutInvitationTone: Record<StatutInvitation, string> = {
  invite: "bg-amber-100 text-amber-900",
  actif: "bg-green-100 text-green-800",
  inactif: "bg-gray-200 text-gray-800",
};

const statutInvitationDot: Record<StatutInvitation, string> = {
  invite: "bg-amber-500",
  actif: "bg-green-600",
  inactif: "bg-gray-500",
};

/** The invitation's statut: invité (waiting for activation), actif, inactif. */
export function StatutBadge({
  statut,
  className,
}: {
  statut: StatutInvitation;
  className?: string;
}) {
  const t = useTranslations("enumLabels.statutInvitation");
  return (
    <span className={cn(badge, statutInvitationTone[statut], className)}>
      <span
        aria-hidden="true"
        className={cn("size-1.5 rounded-full", statutInvitationDot[statut])}
      />
      {t(statut)}
    </span>
  );
}

const statutTransactionTone: Record<StatutTransaction, string> = {
  recherche: "bg-sky-100 text-sky-900",
  offre: "bg-indigo-100 text-indigo-900",
  inspection: "bg-amber-100 text-amber-900",
  financement: "bg-violet-100 text-violet-900",
  notaire: "bg-teal-100 text-teal-900",
  complete: "bg-green-100 text-green-800",
  annulee: "bg-red-100 text-red-800",
};

export function TransactionStatutBadge({
  statut,
  className,
}: {
  statut: StatutTransaction;
  className?: string;
}) {
  const t = useTranslations("enumLabels.statutTransaction");
  return <span className={cn(badge, statutTransactionTone[statut], className)}>{t(statut)}</span>;
}

export const typeProjetIcons: Record<TypeProjet, LucideIcon> = {
  achat: House,
  vente: Tag,
  location: KeyRound,
};

export function TypeProjetLabel({ type, className }: { type: TypeProjet; className?: string }) {
  const t = useTranslations("enumLabels.typeProjet");
  const Icon = typeProjetIcons[type];
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm text-gray-800", className)}>
      <Icon aria-hidden="true" className="size-4 text-accent-700" />
      {t(type)}
    </span>
  );
}
