import type { ReactNode } from "react";
import { PortailClientFrame } from "@/components/layout/PortailClientFrame";
import { requirePortailClient } from "@/lib/auth-guards";

/** The client's portal (plan §4.2, §5.2: requirePortailClient). */
export default async function PortailClientLayout({ children }: { children: ReactNode }) {
  const user = await requirePortailClient();
  return <PortailClientFrame user={user}>{children}</PortailClientFrame>;
}
