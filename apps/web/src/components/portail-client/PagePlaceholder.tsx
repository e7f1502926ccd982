import { Construction } from "lucide-react";
import { Card } from "@/components/ui/Card";

/** Stands in for a page another issue builds; translated and guarded like the real one. */
export function PagePlaceholder({ title, body }: { title: string; body: string }) {
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <h1 className="text-2xl font-semibold text-gray-900">{title}</h1>
      <Card className="flex items-start gap-3">
        <Construction aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-accent-700" />
        <p className="text-sm text-gray-700">{body}</p>
      </Card>
    </div>
  );
}
