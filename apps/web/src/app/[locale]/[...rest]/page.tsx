import { notFound } from "next/navigation";

// Unknown paths under a locale render [locale]/not-found.tsx, in that locale's language.
export default function CatchAll() {
  notFound();
}
