"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { useToast } from "@/components/ui/Toast";
import { errorMessageKey } from "@/lib/api/errors";
import { type ToggleResult, toggleTacheAction } from "../actions";

interface Toggleable {
  id: number;
  titre: string;
  completee: boolean;
  date_completion?: string | null;
  en_retard?: boolean;
}

/**
 * A list of tasks whose checkboxes update at once: the new state shows before the API answers,
 * and is rolled back with a message if the API refuses. The server-rendered counters follow
 * through a refresh.
 */
export function useTacheToggle<T extends Toggleable>(
  initial: readonly T[],
  toggle: (id: number) => Promise<ToggleResult> = toggleTacheAction,
) {
  const t = useTranslations();
  const toast = useToast();
  const router = useRouter();
  const [taches, setTaches] = useState<T[]>(() => [...initial]);
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const inFlight = useRef(new Set<number>());

  const onToggle = useCallback(
    async (id: number) => {
      if (inFlight.current.has(id)) return;
      const before = taches.find((tache) => tache.id === id);
      if (!before) return;
      inFlight.current.add(id);
      setPending(new Set(inFlight.current));
      const replace = (patch: Partial<T>) =>
        setTaches((list) =>
          list.map((tache) => (tache.id === id ? { ...tache, ...patch } : tache)),
        );
      replace({ completee: !before.completee } as Partial<T>);

      let result: ToggleResult;
      try {
        result = await toggle(id);
      } catch {
        result = { ok: false, code: "SERVICE_UNAVAILABLE" };
      }
      inFlight.current.delete(id);
      setPending(new Set(inFlight.current));
      if (result.ok) {
        replace({
          completee: result.tache.completee,
          date_completion: result.tache.date_completion,
          en_retard: result.tache.en_retard,
        } as Partial<T>);
        toast({
          tone: "success",
          title: t(
            result.tache.completee ? "portalTasks.toast.done" : "portalTasks.toast.reopened",
          ),
          description: before.titre,
        });
        router.refresh();
      } else {
        replace({ completee: before.completee } as Partial<T>);
        toast({
          tone: "error",
          title: t("portalTasks.toast.failed"),
          description: t(errorMessageKey(result.code)),
        });
      }
    },
    [taches, toggle, toast, t, router],
  );

  return { taches, pending, onToggle };
}
