"use client";

import { Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/Button";
import { Dialog, DialogClose } from "@/components/ui/Dialog";
import {
  loadSchemas,
  type SharedSchemas,
  useFocusFirstError,
  validateWith,
  warmSchemas,
} from "@/lib/forms-client";
import type { ActionResult } from "../_lib/action-result";
import { useActionRunner } from "../_lib/use-action";
import { ConfirmDialog } from "./ConfirmDialog";

// The add/edit dialog and the delete button that the workspace's lists (étapes, tâches) share.

/** What a field of an ItemFormDialog receives: its value, its change handler and its error. */
export interface ItemFieldBinding {
  name: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error?: string;
}

/**
 * Adds an item (no `editLabel`: a « + » button named `addLabel`) or edits one (a pencil named
 * `editLabel`), in a dialog whose form starts from `initialValues` each time it opens. The body
 * is checked with the shared schema before `save` (loaded when the dialog opens, so zod is not
 * part of the page's first load); the server's field errors land on the fields.
 */
export function ItemFormDialog<
  V extends Record<string, string>,
  B extends Record<string, unknown>,
>({
  title,
  addLabel,
  editLabel,
  initialValues,
  toBody,
  schema,
  save,
  savedMessage,
  children,
}: {
  title: string;
  addLabel: string;
  editLabel?: string;
  initialValues: () => V;
  toBody: (values: V) => B;
  schema: (schemas: SharedSchemas) => z.ZodType;
  save: (body: B) => Promise<ActionResult<unknown>>;
  savedMessage: string;
  children: (field: (name: keyof V & string) => ItemFieldBinding) => ReactNode;
}) {
  const t = useTranslations("workspace.common");
  const tAll = useTranslations();
  const { run, pending } = useActionRunner();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Record<string, string>>();
  const formRef = useFocusFirstError(errors);

  function onOpenChange(next: boolean) {
    if (next) {
      warmSchemas();
      setValues(initialValues());
      setErrors(undefined);
    }
    setOpen(next);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = toBody(values);
    const problems = validateWith(schema(await loadSchemas()), body, tAll);
    setErrors(problems ?? undefined);
    if (problems) return;
    run(
      () => save(body),
      savedMessage,
      (result) => {
        if (result.ok) setOpen(false);
        else if (result.fieldErrors) setErrors(result.fieldErrors);
      },
    );
  }

  const field = (name: keyof V & string): ItemFieldBinding => ({
    name,
    value: values[name] ?? "",
    onChange: (e) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors?.[name],
  });

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      trigger={
        editLabel ? (
          <Button variant="ghost" className="px-2" aria-label={editLabel}>
            <Pencil aria-hidden="true" className="size-4" />
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden="true" className="size-4" />
            {addLabel}
          </Button>
        )
      }
    >
      <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4">
        {children(field)}
        <div className="mt-2 flex flex-wrap justify-end gap-3">
          <DialogClose asChild>
            <Button variant="secondary">{t("cancel")}</Button>
          </DialogClose>
          <Button type="submit" pending={pending}>
            {t("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** A row's delete button (a bin named `label`), confirmed in a dialog before `remove` runs. */
export function DeleteItemButton({
  label,
  title,
  description,
  remove,
  deletedMessage,
}: {
  label: string;
  title: string;
  description: string;
  remove: () => Promise<ActionResult<unknown>>;
  deletedMessage: string;
}) {
  const t = useTranslations("workspace.common");
  const { run } = useActionRunner();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" className="px-2 text-red-700 hover:bg-red-50" aria-label={label}>
          <Trash2 aria-hidden="true" className="size-4" />
        </Button>
      }
      title={title}
      description={description}
      confirmLabel={t("delete")}
      onConfirm={() =>
        new Promise((resolve) => run(remove, deletedMessage, (result) => resolve(result.ok)))
      }
    />
  );
}
