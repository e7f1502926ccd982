"use client";

import { STATUTS_INVITATION, TYPES_PROJET } from "@portail/shared/constants";
import { Search } from "lucide-react";
import Form from "next/form";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/SelectField";
import { DEFAULT_SORT, type ListParams, SORT_OPTIONS } from "./_lib/list-query";

/**
 * Search, filters and sort as a GET form: the URL holds them, so it works before JavaScript
 * loads; with JavaScript, next/form navigates without a full reload and a changed select
 * applies at once.
 */
export function ClientsFilters({ action, params }: { action: string; params: ListParams }) {
  const t = useTranslations("clientsList.filters");
  const tStatut = useTranslations("enumLabels.statutInvitation");
  const tType = useTranslations("enumLabels.typeProjet");
  const tSort = useTranslations("clientsList.sort");
  const searchId = useId();
  const submitOnChange = (event: { currentTarget: HTMLSelectElement }) =>
    event.currentTarget.form?.requestSubmit();

  return (
    <Form
      action={action}
      role="search"
      aria-label={t("label")}
      className="grid gap-4 rounded-2xl border border-gray-200 bg-white p-4 shadow-sm sm:p-5 md:grid-cols-2 xl:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto] xl:items-end"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={searchId} className="text-sm font-medium text-gray-800">
          {t("search")}
        </label>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-600"
          />
          <input
            id={searchId}
            type="search"
            name="q"
            defaultValue={params.q ?? ""}
            placeholder={t("searchPlaceholder")}
            maxLength={100}
            className="min-h-10 w-full rounded-lg border border-gray-300 bg-white py-2 pr-3 pl-9 text-sm text-gray-900 placeholder:text-gray-500"
          />
        </div>
      </div>
      <SelectField
        label={t("statut")}
        name="statut"
        defaultValue={params.statut ?? ""}
        onChange={submitOnChange}
        options={[
          { value: "", label: t("allStatuts") },
          ...STATUTS_INVITATION.map((value) => ({ value, label: tStatut(value) })),
        ]}
      />
      <SelectField
        label={t("typeProjet")}
        name="type_projet"
        defaultValue={params.type_projet ?? ""}
        onChange={submitOnChange}
        options={[
          { value: "", label: t("allTypes") },
          ...TYPES_PROJET.map((value) => ({ value, label: tType(value) })),
        ]}
      />
      <SelectField
        label={t("sort")}
        name="sort"
        defaultValue={params.sort ?? DEFAULT_SORT}
        onChange={submitOnChange}
        options={SORT_OPTIONS.map((value) => ({ value, label: tSort(value) }))}
      />
      <Button type="submit" variant="secondary" className="md:col-span-2 xl:col-span-1">
        <Search aria-hidden="true" className="size-4" />
        {t("apply")}
      </Button>
    </Form>
  );
}
