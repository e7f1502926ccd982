import type { ReactNode } from "react";
import { DashboardLayout } from "@/components/layout/DashboardLayout";
import { requireAuth } from "@/lib/auth-guards";

/**
 * Everything under /dashboard needs a session. Brokers get the sidebar frame here; a client's
 * portal (portail-client/client) brings its own frame, so a client never sees the broker's menu.
 * Role checks live in the nested layouts and pages.
 */
export default async function DashboardRootLayout({ children }: { children: ReactNode }) {
  const user = await requireAuth();
  if (user.role === "client") return children;
  return <DashboardLayout user={user}>{children}</DashboardLayout>;
}
