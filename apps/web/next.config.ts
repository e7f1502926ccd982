import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  // @portail/shared ships TypeScript source, compiled by the app that imports it.
  transpilePackages: ["@portail/shared"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // No page of the portal is meant to be framed (clickjacking on login and forms).
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
  experimental: {
    // forbidden() and forbidden.tsx: the « Accès refusé » page of SPEC §5.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
