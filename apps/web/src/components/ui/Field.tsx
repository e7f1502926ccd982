"use client";

import { type ReactNode, useId } from "react";
import { cn } from "./cn";

/** What a field's control needs to be labelled and to announce its description and error. */
export interface FieldControlProps {
  id: string;
  required?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

export interface FieldProps {
  label: string;
  /** Help shown under the field and read with it. */
  description?: string;
  error?: string;
  required?: boolean;
  className?: string;
  /** The control, given the props that tie it to the label, description and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * The frame every form field shares (TextField, TextAreaField, SelectField): the label with its
 * required mark, the control, then the description and the error, both announced with it.
 */
export function Field({ label, description, error, required, className, children }: FieldProps) {
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
      {children({
        id,
        required,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [descriptionId, errorId].filter(Boolean).join(" ") || undefined,
      })}
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

/** The control's border: red when the field has an error. */
export const fieldBorder = (error?: string) => (error ? "border-red-600" : "border-gray-300");
