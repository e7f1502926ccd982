"use client";

import {
  type ComponentType,
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useState,
} from "react";
import type { ToastLayer } from "./ToastLayer";

export interface ToastMessage {
  title: string;
  description?: string;
  tone?: "info" | "success" | "error";
}

const ToastContext = createContext<(message: ToastMessage) => void>(() => {
  throw new Error("useToast() needs <ToastProvider> (it is in the [locale] layout)");
});

/** Shows a short confirmation or failure, announced to screen readers (Radix Toast). */
export const useToast = () => useContext(ToastContext);

const loadLayer = () => import("./ToastLayer").then((module) => module.ToastLayer);

/**
 * Holds the toasts of the page. Most visits show none, so the toast layer (Radix Toast, ~14 KB
 * gzipped) loads with the first one; its announcement region is created with each toast.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Array<ToastMessage & { id: number }>>([]);
  const [Layer, setLayer] = useState<ComponentType<Parameters<typeof ToastLayer>[0]> | null>(null);
  const show = useCallback((message: ToastMessage) => {
    setToasts((list) => [...list, { ...message, id: Date.now() + Math.random() }]);
    void loadLayer().then((component) => setLayer(() => component));
  }, []);
  const remove = useCallback(
    (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)),
    [],
  );

  return (
    <ToastContext.Provider value={show}>
      {children}
      {Layer && <Layer toasts={toasts} onRemove={remove} />}
    </ToastContext.Provider>
  );
}
