"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { logoutAction } from "@/lib/auth-actions";

export interface UserMenuProps {
  firstName: string;
  lastName: string;
  email: string;
}

export function UserMenu({ firstName, lastName, email }: UserMenuProps) {
  const t = useTranslations("userMenu");
  const logoutForm = useRef<HTMLFormElement>(null);
  const initials = `${firstName.charAt(0)}${lastName.charAt(0)}`.toUpperCase();
  return (
    <>
      {/* A real form, so signing out is a POST that the server action handles. */}
      <form ref={logoutForm} action={logoutAction} className="hidden" />
      {/* Not modal: a modal menu hides the page with aria-hidden while it stays focusable.
          Rendered in place (no portal) so the menu stays inside the header landmark. */}
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          className="flex min-h-10 items-center gap-2 rounded-lg px-2 py-1 text-sm text-gray-800 hover:bg-gray-100"
          aria-label={t("open", { name: `${firstName} ${lastName}` })}
        >
          <span
            aria-hidden="true"
            className="inline-flex size-8 items-center justify-center rounded-full bg-accent-100 font-semibold text-accent-800"
          >
            {initials}
          </span>
          <span className="hidden font-medium sm:inline">
            {firstName} {lastName}
          </span>
          <ChevronDown aria-hidden="true" className="size-4 text-gray-600" />
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
    </>
  );
}
