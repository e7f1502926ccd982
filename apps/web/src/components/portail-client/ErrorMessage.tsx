"use client";

import type { ErrorCode } from "@portail/shared";
import { AlertTriangle, RotateCcw, ShieldX } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { cn } from "@/components/ui/cn";
import { errorMessageKey, isErrorCode } from "@/lib/api/errors";

export interface ErrorMessageProps {
  /** An API error code; its translated message is shown when no `message` is given. */
  code?: ErrorCode | string;
  /** HTTP status; 403 shows the « Accès refusé » state. */
  status?: number;
  title?: string;
  message?: string;
  /** Shows a « Réessayer » button. */
  onRetry?: () => void;
  /** A link or button to leave, e.g. back to the dashboard. */
  action?: ReactNode;
  /** 1 when the message is the whole page (not-found, forbidden, error pages). */
  headingLevel?: 1 | 2;
  className?: string;
}

/**
 * The one way pages show a failure: a 403 (or code FORBIDDEN/ACCESS_DISABLED) is « Accès
 * refusé »; anything else says what went wrong in the user's words, never the API's message.
 */
export function ErrorMessage({
  code,
  status,
  title,
  message,
  onRetry,
  action,
  headingLevel = 2,
  className,
}: ErrorMessageProps) {
  const t = useTranslations();
  const forbidden = status === 403 || code === "FORBIDDEN" || code === "ACCESS_DISABLED";
  const Icon = forbidden ? ShieldX : AlertTriangle;
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const heading = title ?? (forbidden ? t("errorPage.forbiddenTitle") : t("errorPage.title"));
  const body =
    message ??
    (code && isErrorCode(code) && code !== "FORBIDDEN"
      ? t(errorMessageKey(code))
      : forbidden
        ? t("errorPage.forbiddenBody")
        : t("errorPage.body"));

  return (
    <div
      role="alert"
      className={cn(
        "flex flex-col items-center gap-3 rounded-2xl border bg-white p-8 text-center shadow-sm",
        forbidden ? "border-amber-200" : "border-red-200",
        className,
      )}
    >
      <Icon
        aria-hidden="true"
        className={cn("size-10", forbidden ? "text-amber-700" : "text-red-700")}
      />
      <Heading className="text-lg font-semibold text-gray-900">{heading}</Heading>
      <p className="max-w-prose text-sm text-gray-700">{body}</p>
      {(onRetry || action) && (
        <div className="mt-2 flex flex-wrap items-center justify-center gap-3">
          {onRetry && (
            <Button variant="secondary" onClick={onRetry}>
              <RotateCcw aria-hidden="true" className="size-4" />
              {t("common.retry")}
            </Button>
          )}
          {action}
        </div>
      )}
    </div>
  );
}

/** The 403 state of SPEC §5. */
export function AccessDenied(props: Omit<ErrorMessageProps, "status" | "code">) {
  return <ErrorMessage status={403} {...props} />;
}
