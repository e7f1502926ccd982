"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Brand } from "./Brand";
import { SidebarNav } from "./SidebarNav";

/** The sidebar as a drawer on phones; Radix handles the focus trap, Escape and scroll lock. */
export function MobileNav() {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        className="inline-flex size-10 items-center justify-center rounded-lg text-gray-700 hover:bg-gray-100 lg:hidden"
        aria-label={t("openMenu")}
      >
        <Menu aria-hidden="true" className="size-6" />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-900/40 lg:hidden" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-6 overflow-y-auto bg-white p-4 shadow-xl lg:hidden">
          <div className="flex items-center justify-between">
            <Brand />
            <Dialog.Close
              className="inline-flex size-10 items-center justify-center rounded-lg text-gray-700 hover:bg-gray-100"
              aria-label={t("closeMenu")}
            >
              <X aria-hidden="true" className="size-5" />
            </Dialog.Close>
          </div>
          <Dialog.Title className="sr-only">{t("label")}</Dialog.Title>
          <Dialog.Description className="sr-only">{t("drawerDescription")}</Dialog.Description>
          <SidebarNav onNavigate={() => setOpen(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
