import type { ReactNode } from "react";
import { Brand } from "@/components/layout/Brand";
import { LocaleSwitcher } from "@/components/layout/LocaleSwitcher";

/** Sign-in pages: one centered white card on the gray page. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <Brand />
        <LocaleSwitcher />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-4 pb-16 sm:pt-12">
        <div className="w-full max-w-md">{children}</div>
      </main>
    </div>
  );
}
