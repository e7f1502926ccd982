import { routing } from "@/i18n/routing";

// Only reached for paths outside every locale (proxy.ts prefixes all others), so it cannot
// know the language: it offers both.
export default function RootNotFound() {
  return (
    <html lang="fr-CA">
      <body className="flex min-h-dvh items-center justify-center bg-gray-50 p-6 font-sans">
        <main className="rounded-2xl border border-gray-200 bg-white p-8 text-center shadow-sm">
          <h1 className="text-lg font-semibold">
            Page introuvable · <span lang="en">Page not found</span>
          </h1>
          <p className="mt-4 flex justify-center gap-4 text-sm">
            <a className="text-blue-700 underline" href={`/${routing.defaultLocale}`}>
              Accueil
            </a>
            <a className="text-blue-700 underline" href="/en" lang="en">
              Home
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
