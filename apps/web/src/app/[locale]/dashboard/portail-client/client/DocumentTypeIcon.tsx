import type { TypeDocument } from "@portail/shared";
import { File, FileImage, FileSpreadsheet, FileText, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

const ICONS: Record<TypeDocument, { Icon: LucideIcon; tone: string }> = {
  pdf: { Icon: FileText, tone: "bg-red-50 text-red-700" },
  image: { Icon: FileImage, tone: "bg-violet-50 text-violet-700" },
  excel: { Icon: FileSpreadsheet, tone: "bg-green-50 text-green-700" },
  word: { Icon: FileText, tone: "bg-blue-50 text-blue-700" },
  autre: { Icon: File, tone: "bg-gray-100 text-gray-700" },
};

/** A document's type as a colored icon (decorative: the type is also said in words). */
export function DocumentTypeIcon({ type, className }: { type: TypeDocument; className?: string }) {
  const { Icon, tone } = ICONS[type];
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex size-10 shrink-0 items-center justify-center rounded-xl",
        tone,
        className,
      )}
    >
      <Icon className="size-5" />
    </span>
  );
}

/** The « NOUVEAU » badge of a document the client has not opened yet. */
export function NewBadge({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center rounded-full bg-accent-600 px-2 py-0.5 text-[11px] font-bold tracking-wide text-white uppercase">
      {label}
    </span>
  );
}
