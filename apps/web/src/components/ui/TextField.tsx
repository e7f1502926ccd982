"use client";

import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Field, fieldBorder } from "./Field";

export interface TextFieldProps extends Omit<ComponentProps<"input">, "id"> {
  label: string;
  name: string;
  /** Help shown under the field and read with it. */
  description?: string;
  error?: string;
}

/** A labelled input whose description and error are announced with it. */
export function TextField({
  label,
  description,
  error,
  className,
  required,
  ...props
}: TextFieldProps) {
  return (
    <Field
      label={label}
      description={description}
      error={error}
      required={required}
      className={className}
    >
      {(control) => (
        <input
          {...control}
          className={cn(
            "min-h-10 rounded-lg border bg-white px-3 py-2 text-sm text-gray-900 placeholder:text-gray-500",
            fieldBorder(error),
          )}
          {...props}
        />
      )}
    </Field>
  );
}
