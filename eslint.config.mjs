// Lint: Next's rules (React, hooks, accessibility, Core Web Vitals) and TypeScript's, plus the project's
// boundaries: a client component never imports the database, the session or a secret; pages and route
// handlers reach data only through the use cases in src/server.
import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** A module that starts with "use client" may not import server-only modules. */
const clientBoundary = {
  meta: {
    type: "problem",
    schema: [],
    messages: { server: "A client component cannot import {{source}}: it runs in the browser. Pass the data in as props, or call a server action." },
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((n) => n.type === "ExpressionStatement" && n.directive === "use client");
    if (!isClient) return {};
    const SERVER = [
      /^@\/server\/db\//,
      /^@\/server\/auth\/(session|auth-options|passwords|user-sessions|verify-credentials)/,
      /^@\/server\/installation\//,
      /^@\/generated\/prisma/,
      /^node:/,
      /^@\/server\/.*\/(actions?|use-case)$/,
    ];
    return {
      ImportDeclaration(node) {
        if (node.importKind === "type") return;
        const source = node.source.value;
        if (SERVER.some((re) => re.test(source))) context.report({ node, messageId: "server", data: { source } });
      },
    };
  },
};

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "src/generated/**",
      "bench/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "reports/**",
      "tmp/**",
    ],
  },
  ...next,
  ...nextTs,
  {
    plugins: { tajer: { rules: { "client-boundary": clientBoundary } } },
    rules: {
      "tajer/client-boundary": "error",
      // Unused names are dead code, except a deliberately ignored one.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // Pages, layouts and route handlers stay thin: the database is reached through src/server's use cases.
    files: ["src/app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/server/db/client", "@/generated/prisma/*"], message: "Reach the database through a use case in src/server." }] },
      ],
    },
  },
  {
    files: ["tests/**", "e2e/**", "scripts/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];

export default config;
