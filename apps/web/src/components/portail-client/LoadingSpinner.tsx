import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export interface LoadingSpinnerProps {
  /** What is loading, read by screen readers; defaults to « Chargement… ». */
  label?: string;
  /** Fills its container and centers the spinner, for whole-page loading states. */
  fullPage?: boolean;
  className?: string;
}

/** Works in server and client components alike (no "use client": it has no state). */
export function LoadingSpinner({ label, fullPage = false, className }: LoadingSpinnerProps) {
  const t = useTranslations("common");
  const text = label ?? t("loading");
  return (
    <div
      role="status"
      aria-live="polite"
      className={cn(
        "flex items-center justify-center gap-3 text-gray-600",
        fullPage && "min-h-[40vh] w-full",
        className,
      )}
    >
      <Loader2 aria-hidden="true" className="size-6 animate-spin text-accent-600" />
      <span className={fullPage ? "text-sm" : "sr-only"}>{text}</span>
    </div>
  );
}
