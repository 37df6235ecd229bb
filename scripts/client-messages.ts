// Which messages each page and layout sends to the browser.
//
// A client component reads its words from the nearest <NextIntlClientProvider>, and whatever that provider
// holds is written into the page for React to hydrate from. Handing it the whole catalog sent ~100 KB (Arabic
// ~150 KB) with every page. Instead each page and layout names itself to `withClientMessages`, and gets
// the namespaces used by the modules it imports (followed through every import, server or client). This
// script works those out from the source and writes `src/i18n/client-messages.json`; a unit test fails when
// the file is stale or when a page forgets to name itself.
//
//   npm run i18n:client     rewrite src/i18n/client-messages.json
//
// What counts as a use, per module:
// - `useTranslations("a.b")`: the namespace `a.b`;
// - `useTranslations()` kept in a variable: the first segment of every key it is called with (`t("orders.x")`,
//   `t(\`status.${s}\`)`); a key it cannot read, or the translator handed on to other code: everything;
// - `useTranslations(<not a string>)` or `useMessages()`: everything.
// "Everything" is the whole catalog: correct, only larger.

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ALL } from "../src/i18n/pick-messages";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "src");
const APP = join(SRC, "app");
export const MAP_FILE = join(SRC, "i18n", "client-messages.json");

/** The files of the app directory that render on their own: pages, layouts, not-found boundaries. */
const ENTRY = /^(page|layout|not-found)\.tsx$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const IMPORTS = [
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?[^'";]*?\sfrom\s+["']([^"']+)["']/g,
  /(?:^|[\s;])import\s+["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
];

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = join(SRC, spec.slice(2));
  else if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  if (/\.(json|css)$/.test(base)) return null;
  throw new Error(`${relative(ROOT, from)}: cannot resolve the import "${spec}"`);
}

function importsOf(file: string, source: string): string[] {
  const found = new Set<string>();
  for (const pattern of IMPORTS) {
    for (const match of source.matchAll(pattern)) {
      const target = resolveImport(file, match[1]);
      if (target) found.add(target);
    }
  }
  return [...found];
}

/** The text of the first argument of the call whose "(" is at `open`: up to its "," or ")" at depth 0. */
function firstArgument(source: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) return source.slice(open + 1, i).trim();
      depth--;
    } else if (c === "," && depth === 0) return source.slice(open + 1, i).trim();
  }
  return source.slice(open + 1).trim();
}

/**
 * The message paths an argument can name: a string literal, a template literal's fixed head, or each branch
 * of a conditional made of literals (`a ? "x.y" : "z.w"`); null when it cannot be read.
 */
function pathsOf(argument: string): string[] | null {
  const literal = /^["']([\w.]+)["']$/.exec(argument);
  if (literal) return [literal[1]];
  const template = /^`([\w.]*)(?:\$\{|`$)/.exec(argument);
  if (template) return [template[1]];
  if (/^[\w\s.=!?:"']+$/.test(argument) && argument.includes("?")) {
    const branches = [...argument.matchAll(/[?:]\s*["']([\w.]+)["']/g)].map((m) => m[1]);
    if (branches.length >= 2) return branches;
  }
  return null;
}

/** The namespaces one module's own code reads through next-intl's hooks. */
export function namespacesOf(source: string): Set<string> {
  const found = new Set<string>();
  for (const match of source.matchAll(/\buseTranslations\(/g)) {
    const argument = firstArgument(source, match.index + match[0].length - 1);
    if (argument === "") continue; // the root translator: read through its calls, below
    for (const path of pathsOf(argument) ?? [ALL]) found.add(path);
  }
  if (/\buseMessages\(/.test(source)) found.add(ALL);
  for (const match of source.matchAll(/\b(?:const|let)\s+(\w+)\s*=\s*useTranslations\(\s*\)/g)) {
    const name = match[1];
    // Only one translator of that name in the module, or its calls cannot be told apart.
    if ([...source.matchAll(new RegExp(`\\b(?:const|let)\\s+${name}\\s*=`, "g"))].length > 1) found.add(ALL);
    let readable = 0;
    for (const call of source.matchAll(new RegExp(`(?<![\\w$.-])${name}(?:\\.(?:has|rich|markup|raw))?\\(`, "g"))) {
      const paths = pathsOf(firstArgument(source, call.index + call[0].length - 1));
      for (const path of paths ?? [ALL]) {
        const segment = /^(\w+)\./.exec(path);
        found.add(segment ? segment[1] : ALL);
      }
      readable++;
    }
    // Any other mention (the translator handed to a helper) cannot be followed; a hook's dependency list can.
    const mentions = [...source.matchAll(new RegExp(`(?<![\\w$.-])${name}(?![\\w$-])`, "g"))].length;
    const inDependencies = [...source.matchAll(new RegExp(`[\\[,]\\s*${name}\\s*(?=[\\],])`, "g"))].length;
    if (mentions !== readable + inDependencies + 1) found.add(ALL);
  }
  return found;
}

/** The key each entry file names itself by: its path under src/app without the extension. */
export function routeKey(file: string): string {
  return relative(APP, file)
    .replace(/\\/g, "/")
    .replace(/\.tsx$/, "");
}

export function buildMap(): Record<string, string[]> {
  // The generated database client uses no messages, and its text mentions imports that are not its own.
  const files = walk(SRC).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith(join(SRC, "generated")));
  const graph = new Map<string, { imports: string[]; namespaces: Set<string> }>();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    graph.set(file, { imports: importsOf(file, source), namespaces: namespacesOf(source) });
  }
  const map: Record<string, string[]> = {};
  for (const entry of files.filter((f) => f.startsWith(APP) && ENTRY.test(f.split(/[\\/]/).pop()!)).sort()) {
    const seen = new Set<string>();
    const namespaces = new Set<string>();
    // The entry's own hooks are server-side (pages and layouts are server components): only its imports count.
    const stack = [...graph.get(entry)!.imports];
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const node = graph.get(file);
      if (!node) continue;
      for (const n of node.namespaces) namespaces.add(n);
      stack.push(...node.imports);
    }
    map[routeKey(entry)] = collapse(namespaces);
  }
  return map;
}

/** Sorted, without a namespace whose parent is already there ("order.reply" under "order"); "*" alone if present. */
function collapse(namespaces: Set<string>): string[] {
  if (namespaces.has(ALL)) return [ALL];
  const sorted = [...namespaces].sort();
  return sorted.filter((n) => !sorted.some((other) => other !== n && n.startsWith(`${other}.`)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // In the project's own format, so that the formatting check passes on the file as written.
  const { format, resolveConfig } = await import("prettier");
  const options = (await resolveConfig(MAP_FILE)) ?? {};
  writeFileSync(MAP_FILE, await format(JSON.stringify(buildMap()), { ...options, filepath: MAP_FILE }));
  console.log(`wrote ${relative(ROOT, MAP_FILE)}`);
}
