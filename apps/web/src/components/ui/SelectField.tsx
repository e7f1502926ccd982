"use client";

import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Field, fieldBorder } from "./Field";

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
  return (
    <Field
      label={label}
      description={description}
      error={error}
      required={required}
      className={className}
    >
      {(control) => (
        <div className="relative">
          <select
            {...control}
            className={cn(
              "min-h-10 w-full appearance-none rounded-lg border bg-white py-2 pr-9 pl-3 text-sm text-gray-900",
              fieldBorder(error),
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
      )}
    </Field>
  );
}
