import type { StatutTransaction } from "@portail/shared";
import { Check, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { STATUT_TRACK } from "@/lib/constants/portail-client";

export type StepState = "done" | "current" | "upcoming";

/** Where each step of the track stands for a statut; an annulée transaction has no current step. */
export function trackSteps(statut: StatutTransaction): Array<{
  statut: (typeof STATUT_TRACK)[number];
  state: StepState;
}> {
  const index = STATUT_TRACK.indexOf(statut as (typeof STATUT_TRACK)[number]);
  return STATUT_TRACK.map((step, i) => ({
    statut: step,
    state:
      index === -1
        ? "upcoming"
        : i < index || statut === "complete"
          ? "done"
          : i === index
            ? "current"
            : "upcoming",
  }));
}

/** recherche → offre → inspection → financement → notaire → complétée, with the current one. */
export function StatutTrack({ statut }: { statut: StatutTransaction }) {
  const t = useTranslations("portal");
  const steps = trackSteps(statut);
  const cancelled = statut === "annulee";
  return (
    <div className="flex flex-col gap-3">
      {cancelled && (
        <p className="flex items-center gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          <XCircle aria-hidden="true" className="size-4" />
          {t("progress.cancelled")}
        </p>
      )}
      <ol
        aria-label={t("progress.trackLabel")}
        className="grid grid-cols-3 gap-x-2 gap-y-4 sm:grid-cols-6"
      >
        {steps.map(({ statut: step, state }, i) => (
          <li
            key={step}
            aria-current={state === "current" ? "step" : undefined}
            className="flex flex-col items-center gap-1.5 text-center"
          >
            <span
              aria-hidden="true"
              className={cn(
                "inline-flex size-8 items-center justify-center rounded-full border-2 text-xs font-semibold",
                state === "done" && "border-accent-600 bg-accent-600 text-white",
                state === "current" &&
                  "border-accent-600 bg-white text-accent-700 ring-4 ring-accent-100",
                state === "upcoming" && "border-gray-300 bg-white text-gray-600",
                cancelled && "border-gray-300 bg-gray-100 text-gray-600",
              )}
            >
              {state === "done" ? <Check className="size-4" /> : i + 1}
            </span>
            <span
              className={cn(
                "text-xs",
                state === "current" ? "font-semibold text-accent-700" : "text-gray-700",
              )}
            >
              {t(`statut.${step}`)}
              <span className="sr-only"> ({t(`progress.step.${state}`)})</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
