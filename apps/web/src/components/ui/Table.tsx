import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/**
 * A semantic table in a card. The wrapper scrolls sideways on phones; it is focusable and
 * named by the caption so keyboard users can scroll it too.
 */
export function Table({
  caption,
  captionHidden = false,
  children,
  className,
  tableClassName,
  role,
}: {
  caption: string;
  /** Keep the caption for screen readers only when a heading already says it. */
  captionHidden?: boolean;
  children: ReactNode;
  className?: string;
  tableClassName?: string;
  /** "table" when CSS changes the table's display (which can strip its semantics). */
  role?: "table";
}) {
  return (
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      className={cn(
        "overflow-x-auto rounded-2xl border border-gray-200 bg-white shadow-sm",
        className,
      )}
    >
      <table role={role} className={cn("w-full border-collapse text-left text-sm", tableClassName)}>
        <caption className={cn("px-4 py-3 text-left font-semibold", captionHidden && "sr-only")}>
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

export const THead = ({ className, ...props }: ComponentProps<"thead">) => (
  <thead className={cn("bg-gray-50 text-xs text-gray-700 uppercase", className)} {...props} />
);

export const TBody = ({ className, ...props }: ComponentProps<"tbody">) => (
  <tbody className={cn("divide-y divide-gray-100", className)} {...props} />
);

export const Tr = (props: ComponentProps<"tr">) => <tr {...props} />;

export const Th = ({ className, scope = "col", ...props }: ComponentProps<"th">) => (
  <th scope={scope} className={cn("px-4 py-3 font-semibold", className)} {...props} />
);

export const Td = ({ className, ...props }: ComponentProps<"td">) => (
  <td className={cn("px-4 py-3 align-top text-gray-800", className)} {...props} />
);
