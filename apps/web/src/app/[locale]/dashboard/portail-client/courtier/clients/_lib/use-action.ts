"use client";

import { useTranslations } from "next-intl";
import { useCallback, useTransition } from "react";
import { useToast } from "@/components/ui/Toast";
import type { ActionResult } from "./action-result";

/**
 * Runs a workspace server action and says how it went in a toast: the success message given,
 * or the translated reason of a refusal. Returns the result so forms can place field errors.
 */
export function useActionRunner() {
  const t = useTranslations("workspace.common");
  const toast = useToast();
  const [pending, startTransition] = useTransition();

  const run = useCallback(
    <T>(
      action: () => Promise<ActionResult<T>>,
      success: string | ((data: T) => string),
      onDone?: (result: ActionResult<T>) => void,
    ) => {
      startTransition(async () => {
        let result: ActionResult<T>;
        try {
          result = await action();
        } catch {
          result = { ok: false, code: "SERVICE_UNAVAILABLE", message: t("networkError") };
        }
        if (result.ok) {
          toast({
            title: typeof success === "function" ? success(result.data) : success,
            tone: "success",
          });
        } else if (!result.fieldErrors) {
          toast({ title: t("failed"), description: result.message, tone: "error" });
        }
        onDone?.(result);
      });
    },
    [t, toast],
  );

  return { run, pending };
}
