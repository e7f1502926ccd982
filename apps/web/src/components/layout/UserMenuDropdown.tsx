"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { TRIGGER_CLASS, TriggerFace, type UserMenuProps } from "./UserMenu";

/**
 * The user menu itself (Radix), loaded by UserMenu on the first click: opens at once, and
 * stays mounted afterwards.
 */
export function UserMenuDropdown({
  firstName,
  lastName,
  email,
  logoutForm,
}: UserMenuProps & { logoutForm: RefObject<HTMLFormElement | null> }) {
  const t = useTranslations("userMenu");
  return (
    // Not modal: a modal menu hides the page with aria-hidden while it stays focusable.
    // Rendered in place (no portal) so the menu stays inside the header landmark.
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger className={TRIGGER_CLASS}>
        <TriggerFace firstName={firstName} lastName={lastName} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={6}
        className="z-50 min-w-56 rounded-xl border border-gray-200 bg-white p-1 shadow-lg"
      >
        <DropdownMenu.Label className="px-3 py-2 text-xs text-gray-600">
          {t("signedInAs")}
          <span className="block truncate text-sm font-medium text-gray-900">{email}</span>
        </DropdownMenu.Label>
        <DropdownMenu.Separator className="my-1 h-px bg-gray-200" />
        <DropdownMenu.Item
          onSelect={() => logoutForm.current?.requestSubmit()}
          className="flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100"
        >
          <LogOut aria-hidden="true" className="size-4" />
          {t("logout")}
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
