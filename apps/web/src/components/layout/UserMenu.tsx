"use client";

import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ComponentType, useRef, useState } from "react";
import { logoutAction } from "@/lib/auth-actions";
import type { UserMenuDropdown } from "./UserMenuDropdown";

export interface UserMenuProps {
  firstName: string;
  lastName: string;
  email: string;
}

export const TRIGGER_CLASS =
  "flex min-h-10 items-center gap-2 rounded-lg px-2 py-1 text-sm text-gray-800 hover:bg-gray-100";

/** What the menu's button shows: initials, the name from sm up, a chevron. */
/**
 * The button's face. Its accessible name is the hidden « Menu de … » text, not an aria-label:
 * an aria-label would not contain what the button shows (the initials on a phone), which
 * speech-input users say to press it (WCAG 2.5.3).
 */
export function TriggerFace({ firstName, lastName }: { firstName: string; lastName: string }) {
  const t = useTranslations("userMenu");
  const initials = `${firstName.charAt(0)}${lastName.charAt(0)}`.toUpperCase();
  return (
    <>
      <span className="sr-only">{t("open", { name: `${firstName} ${lastName}` })}</span>
      <span
        aria-hidden="true"
        className="inline-flex size-8 items-center justify-center rounded-full bg-accent-100 font-semibold text-accent-800"
      >
        {initials}
      </span>
      <span aria-hidden="true" className="hidden font-medium sm:inline">
        {firstName} {lastName}
      </span>
      <ChevronDown aria-hidden="true" className="size-4 text-gray-600" />
    </>
  );
}

const loadDropdown = () => import("./UserMenuDropdown").then((module) => module.UserMenuDropdown);

/**
 * The signed-in person's menu (sign out). Every page has it and few pages open it, so the
 * dropdown (Radix menu and its positioning, ~17 KB gzipped) loads on the first press of the
 * button (or when the pointer comes near), which this look-alike button stands in for.
 */
export function UserMenu(props: UserMenuProps) {
  const logoutForm = useRef<HTMLFormElement>(null);
  const [Dropdown, setDropdown] = useState<ComponentType<
    Parameters<typeof UserMenuDropdown>[0]
  > | null>(null);

  const open = () => {
    void loadDropdown().then((component) => setDropdown(() => component));
  };

  return (
    <>
      {/* A real form, so signing out is a POST that the server action handles. */}
      <form ref={logoutForm} action={logoutAction} className="hidden" />
      {Dropdown ? (
        <Dropdown {...props} logoutForm={logoutForm} />
      ) : (
        <button
          type="button"
          className={TRIGGER_CLASS}
          aria-haspopup="menu"
          aria-expanded={false}
          onClick={open}
          onPointerEnter={() => void loadDropdown()}
        >
          <TriggerFace firstName={props.firstName} lastName={props.lastName} />
        </button>
      )}
    </>
  );
}
