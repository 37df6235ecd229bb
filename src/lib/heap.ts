/**
 * The ceiling of the JavaScript heap of the app server and of the job worker, in MB (APP_HEAP_MB, WORKER_HEAP_MB).
 * Without one, V8 sizes the heap from the machine's memory and lets garbage pile up to match: on a 24 GB machine
 * the app server held ~800 MB under the benchmark, and ~500 MB with a 256 MB ceiling, serving the same requests.
 * What the app keeps between requests is far below either ceiling; a server that needs more is told so by the
 * setting, not by its host's memory running out.
 */
export const HEAP_DEFAULTS = { app: 256, worker: 192 } as const;

/** `--max-old-space-size` for the role, from its setting (checked at the start) or its default. */
export function heapArgs(role: keyof typeof HEAP_DEFAULTS, env: Record<string, string | undefined> = process.env): string[] {
  const raw = env[role === "app" ? "APP_HEAP_MB" : "WORKER_HEAP_MB"];
  const mb = raw && /^\d+$/.test(raw.trim()) ? Number(raw) : HEAP_DEFAULTS[role];
  return [`--max-old-space-size=${mb}`];
}
