"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { Brand } from "./Brand";
import type { DrawerProps } from "./Drawer";

/**
 * The drawer itself (Radix: focus trap, Escape, scroll lock), loaded by Drawer on the first
 * press and mounted open; Radix returns focus to its trigger when it closes.
 */
export function DrawerDialog({
  open,
  onOpenChange,
  openLabel,
  closeLabel,
  title,
  description,
  triggerClassName,
  trigger,
  children,
}: DrawerProps & { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger className={triggerClassName} aria-label={openLabel}>
        {trigger}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-900/40 lg:hidden" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-6 overflow-y-auto bg-white p-4 shadow-xl lg:hidden">
          <div className="flex items-center justify-between">
            <Brand />
            <Dialog.Close
              className="inline-flex size-10 items-center justify-center rounded-lg text-gray-700 hover:bg-gray-100"
              aria-label={closeLabel}
            >
              <X aria-hidden="true" className="size-5" />
            </Dialog.Close>
          </div>
          <Dialog.Title className="sr-only">{title}</Dialog.Title>
          <Dialog.Description className="sr-only">{description}</Dialog.Description>
          {children(() => onOpenChange(false))}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
