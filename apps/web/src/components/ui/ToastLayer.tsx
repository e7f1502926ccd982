"use client";

import * as RadixToast from "@radix-ui/react-toast";
import { AlertCircle, CheckCircle2, Info, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "./cn";
import type { ToastMessage } from "./Toast";

type Tone = NonNullable<ToastMessage["tone"]>;

const tones: Record<Tone, { box: string; Icon: typeof Info }> = {
  info: { box: "border-accent-100", Icon: Info },
  success: { box: "border-green-200", Icon: CheckCircle2 },
  error: { box: "border-red-200", Icon: AlertCircle },
};

const iconColor: Record<Tone, string> = {
  info: "text-accent-700",
  success: "text-green-700",
  error: "text-red-700",
};

/** The toasts on screen (Radix Toast: announced, swipeable, F8 to reach them). */
export function ToastLayer({
  toasts,
  onRemove,
}: {
  toasts: Array<ToastMessage & { id: number }>;
  onRemove: (id: number) => void;
}) {
  const t = useTranslations("common");
  return (
    <RadixToast.Provider label={t("notifications")} swipeDirection="right" duration={6000}>
      {toasts.map(({ id, title, description, tone = "info" }) => {
        const { box, Icon } = tones[tone];
        return (
          <RadixToast.Root
            key={id}
            type={tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => !open && onRemove(id)}
            className={cn(
              "flex items-start gap-3 rounded-xl border bg-white p-4 text-sm shadow-lg",
              box,
            )}
          >
            <Icon aria-hidden="true" className={cn("mt-0.5 size-5 shrink-0", iconColor[tone])} />
            <div className="flex flex-1 flex-col gap-1">
              <RadixToast.Title className="font-semibold text-gray-900">{title}</RadixToast.Title>
              {description && (
                <RadixToast.Description className="text-gray-700">
                  {description}
                </RadixToast.Description>
              )}
            </div>
            <RadixToast.Close
              aria-label={t("close")}
              className="inline-flex size-8 items-center justify-center rounded-lg text-gray-600 hover:bg-gray-100"
            >
              <X aria-hidden="true" className="size-4" />
            </RadixToast.Close>
          </RadixToast.Root>
        );
      })}
      <RadixToast.Viewport className="fixed right-0 bottom-0 z-50 m-4 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2 outline-none" />
    </RadixToast.Provider>
  );
}
