import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
    setupFiles: ["test/setup.ts"],
    // next-intl imports "next/navigation" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-intl"] } },
    env: { TZ: "America/Toronto", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
