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

/** A route handler is written through one of the doors that map errors to statuses in one place. */
const routeDoor = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      door: "Write {{method}} as `export const {{method}} = apiRoute(…)` (API token), `publicRoute(…)` (anyone: public reads, webhooks) or `storeRoute(…)` (a store's members), so its errors get their status and shape in one place.",
    },
  },
  create(context) {
    const DOORS = new Set(["apiRoute", "publicRoute", "storeRoute"]);
    const METHOD = /^(GET|POST|PUT|PATCH|DELETE)$/;
    return {
      ExportNamedDeclaration(node) {
        const decl = node.declaration;
        if (decl?.type === "FunctionDeclaration" && METHOD.test(decl.id?.name ?? ""))
          context.report({ node, messageId: "door", data: { method: decl.id.name } });
        if (decl?.type !== "VariableDeclaration") return;
        for (const d of decl.declarations) {
          const name = d.id.type === "Identifier" ? d.id.name : "";
          if (!METHOD.test(name)) continue;
          const callee = d.init?.type === "CallExpression" ? d.init.callee : null;
          if (!(callee?.type === "Identifier" && DOORS.has(callee.name))) context.report({ node: d, messageId: "door", data: { method: name } });
        }
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
    plugins: { tajer: { rules: { "client-boundary": clientBoundary, "route-door": routeDoor } } },
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
    // next-auth's own handler, and the payment simulator, which answers in Moyasar's error shape (it plays Moyasar).
    files: ["src/app/**/route.ts"],
    ignores: ["src/app/api/auth/**", "src/app/payments-sim/**"],
    rules: { "tajer/route-door": "error" },
  },
  {
    files: ["tests/**", "e2e/**", "e2e-cluster/**", "scripts/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];

export default config;
