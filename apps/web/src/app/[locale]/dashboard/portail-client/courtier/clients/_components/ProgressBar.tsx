import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

/** A transaction's progression: a bar with its percentage, read as « Progression : 65 % ». */
export function ProgressBar({
  value,
  className,
  showValue = true,
}: {
  value: number;
  className?: string;
  showValue?: boolean;
}) {
  const t = useTranslations("clientsList.table");
  const clamped = Math.min(100, Math.max(0, value));
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <div
        role="progressbar"
        aria-valuenow={clamped}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={t("progressLabel", { value: clamped })}
        className="h-2 min-w-16 flex-1 overflow-hidden rounded-full bg-gray-200"
      >
        <div
          className={cn("h-full rounded-full", clamped >= 100 ? "bg-green-600" : "bg-accent-600")}
          style={{ width: `${clamped}%` }}
        />
      </div>
      {showValue && (
        <span
          aria-hidden="true"
          className="w-10 text-right text-xs font-medium text-gray-700 tabular-nums"
        >
          {t("percent", { value: clamped })}
        </span>
      )}
    </div>
  );
}
