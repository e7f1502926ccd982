"use client";

import { type ComponentProps, useId } from "react";
import { cn } from "@/components/ui/cn";

/** A labelled multi-line field, like TextField: description and error read with it. */
export function TextAreaField({
  label,
  description,
  error,
  className,
  required,
  ...props
}: Omit<ComponentProps<"textarea">, "id"> & {
  label: string;
  name: string;
  description?: string;
  error?: string;
}) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-gray-800">
        {label}
        {required && (
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        )}
      </label>
      <textarea
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "min-h-24 rounded-lg border bg-white px-3 py-2 text-sm text-gray-900 placeholder:text-gray-500",
          error ? "border-red-600" : "border-gray-300",
        )}
        {...props}
      />
      {description && (
        <p id={descriptionId} className="text-xs text-gray-600">
          {description}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
