import type { ReactNode } from "react";
import { requireCourtier } from "@/lib/auth-guards";

/** The broker's side of the portal (plan §5.2: requireCourtier). */
export default async function CourtierLayout({ children }: { children: ReactNode }) {
  await requireCourtier();
  return children;
}
