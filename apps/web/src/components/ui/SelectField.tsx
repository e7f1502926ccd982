"use client";

import { ChevronDown } from "lucide-react";
import { type ComponentProps, useId } from "react";
import { cn } from "./cn";

export interface SelectFieldProps extends Omit<ComponentProps<"select">, "id"> {
  label: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  description?: string;
  error?: string;
}

/**
 * A labelled select. Deliberately the native element: phones show their own picker, screen
 * readers and keyboards know it, and it works before JavaScript loads (filters in the URL).
 */
export function SelectField({
  label,
  options,
  description,
  error,
  className,
  required,
  ...props
}: SelectFieldProps) {
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
      <div className="relative">
        <select
          id={id}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ") || undefined}
          className={cn(
            "min-h-10 w-full appearance-none rounded-lg border bg-white py-2 pr-9 pl-3 text-sm text-gray-900",
            error ? "border-red-600" : "border-gray-300",
          )}
          {...props}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDown
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-gray-600"
        />
      </div>
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
