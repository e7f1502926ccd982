import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  // @portail/shared ships TypeScript source, compiled by the app that imports it.
  transpilePackages: ["@portail/shared"],
  poweredByHeader: false,
  experimental: {
    // Server actions only carry forms; uploads go through the /api/proxy route handler.
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default withNextIntl(nextConfig);
