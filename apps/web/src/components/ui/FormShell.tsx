import type { ReactNode } from "react";
import { Card } from "./Card";

/** Title, optional intro and content of a sign-in card. */
export function FormShell({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Card className="flex flex-col gap-6 p-6 sm:p-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold text-gray-900">{title}</h1>
        {intro && <p className="text-sm text-gray-600">{intro}</p>}
      </div>
      {children}
      {footer && (
        <div className="border-t border-gray-100 pt-4 text-sm text-gray-700">{footer}</div>
      )}
    </Card>
  );
}
