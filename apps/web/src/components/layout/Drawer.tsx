"use client";

import { type ComponentType, type ReactNode, useState } from "react";
import type { DrawerDialog } from "./DrawerDialog";

export interface DrawerProps {
  openLabel: string;
  closeLabel: string;
  /** Read by screen readers when the drawer opens. */
  title: string;
  description: string;
  triggerClassName: string;
  /** What the menu button shows (an icon, a badge). */
  trigger: ReactNode;
  /** The drawer's content, given a function that closes it (after a navigation). */
  children: (close: () => void) => ReactNode;
}

const loadDialog = () => import("./DrawerDialog").then((module) => module.DrawerDialog);

/**
 * A navigation menu as a drawer on phones (the broker's and the client's). Pages are mostly
 * read without opening it, so the dialog code (Radix dialog, focus trap, scroll lock) loads on
 * the first press of the button (or when the pointer comes near), which this look-alike button
 * stands in for.
 */
export function Drawer(props: DrawerProps) {
  const [open, setOpen] = useState(false);
  const [Dialog, setDialog] = useState<ComponentType<Parameters<typeof DrawerDialog>[0]> | null>(
    null,
  );

  if (Dialog) return <Dialog {...props} open={open} onOpenChange={setOpen} />;
  return (
    <button
      type="button"
      className={props.triggerClassName}
      aria-label={props.openLabel}
      aria-haspopup="dialog"
      aria-expanded={false}
      onClick={() =>
        void loadDialog().then((component) => {
          setDialog(() => component);
          setOpen(true);
        })
      }
      onPointerEnter={() => void loadDialog()}
    >
      {props.trigger}
    </button>
  );
}
