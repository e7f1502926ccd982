"use client";

import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Field, fieldBorder } from "./Field";

export interface TextAreaFieldProps extends Omit<ComponentProps<"textarea">, "id"> {
  label: string;
  name: string;
  /** Help shown under the field and read with it. */
  description?: string;
  error?: string;
}

/** A labelled multi-line field, like TextField: description and error read with it. */
export function TextAreaField({
  label,
  description,
  error,
  className,
  required,
  ...props
}: TextAreaFieldProps) {
  return (
    <Field
      label={label}
      description={description}
      error={error}
      required={required}
      className={className}
    >
      {(control) => (
        <textarea
          {...control}
          className={cn(
            "min-h-24 rounded-lg border bg-white px-3 py-2 text-sm text-gray-900 placeholder:text-gray-500",
            fieldBorder(error),
          )}
          {...props}
        />
      )}
    </Field>
  );
}
