import type { ReactNode } from "react";
import { Brand } from "@/components/layout/Brand";
import { LocaleSwitcher } from "@/components/layout/LocaleSwitcher";

/** The activation page: the sign-in pages' look, one card on the gray page, a little wider. */
export default function ActivationLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <Brand />
        <LocaleSwitcher />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-4 pb-16 sm:pt-10">
        <div className="w-full max-w-xl">{children}</div>
      </main>
    </div>
  );
}
