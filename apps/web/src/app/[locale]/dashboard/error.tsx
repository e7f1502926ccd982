"use client";

import { ErrorMessage } from "@/components/portail-client/ErrorMessage";

/** Inside the frame: the sidebar stays usable while one page failed. */
export default function DashboardError({
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return <ErrorMessage className="mx-auto max-w-xl" headingLevel={1} onRetry={retry} />;
}
