import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  // @portail/shared ships TypeScript source, compiled by the app that imports it.
  transpilePackages: ["@portail/shared"],
  poweredByHeader: false,
  experimental: {
    // forbidden() and forbidden.tsx: the « Accès refusé » page of SPEC §5.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
