"use client";

// Replaces the root layout when it fails, so it renders its own <html>; messages may be what
// failed, so both languages are written here.
export default function GlobalError({ retry }: { error: Error; retry: () => void }) {
  return (
    <html lang="fr-CA">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", background: "#f9fafb" }}>
        <main>
          <h1>Une erreur est survenue</h1>
          <p lang="en">Something went wrong.</p>
          <button type="button" onClick={() => retry()}>
            Réessayer · <span lang="en">Try again</span>
          </button>
        </main>
      </body>
    </html>
  );
}
