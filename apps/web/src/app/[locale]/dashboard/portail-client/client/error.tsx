"use client";

import { ErrorMessage } from "@/components/portail-client/ErrorMessage";

/** Inside the portal's frame: the menu stays usable while one page failed. */
export default function PortailClientError({
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return <ErrorMessage className="mx-auto mt-8 max-w-xl" headingLevel={1} onRetry={retry} />;
}
