// Random and hostile values for property-based tests: wrong types, huge strings, negative and huge
// numbers, unicode, SQL and HTML fragments, and payloads near a valid one with fields dropped,
// retyped or added.
import fc from "fast-check";

export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "'; DROP TABLE orders; --",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\u0000",
    "‮RTL override",
    "١٢٣",
    "../../etc/passwd",
    "%00",
    "${7*7}",
    "{{7*7}}",
  ),
  // What Postgres cannot store: NUL inside text, and dates no order lives in (year 0, five-digit years).
  fc.constantFrom("a\u0000b", "\u0000\u0000", "0000-01-01", "0000-01-01T00:00:00Z", "10000-01-01", "99999-12-31T23:59:59Z", "2026-02-30"),
  fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
// Beyond the columns: just past a 32-bit integer either way, and far beyond.
export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 31), Number.MAX_SAFE_INTEGER, 1e10, 1e308),
  fc.integer({ min: 2 ** 31, max: 2 ** 40 }),
);
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** A payload that looks like the endpoint's, with fields dropped, retyped or added. */
export const near = (shape: Record<string, unknown>) =>
  fc
    .record(Object.fromEntries(Object.keys(shape).map((k) => [k, fc.oneof(fc.constant(shape[k]), hostileValue)])), { requiredKeys: [] })
    .chain((base) => fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }).map((extra) => ({ ...base, ...extra })));

/** What Postgres cannot store, by the kind of value a field holds. */
const UNSTORABLE = { string: ["a\u0000b"], number: [2 ** 31, -(2 ** 31) - 1, 1e10] } as const;

/**
 * The valid payload with one field at a time made unstorable: NUL in a text, a whole number past the
 * integer columns. Each is a 422 naming that field (or a refusal of another kind), never a 5xx.
 */
export function poisoned(valid: unknown): { path: string; payload: unknown }[] {
  const out: { path: string; payload: unknown }[] = [];
  const walk = (value: unknown, path: (string | number)[], replace: (v: unknown) => unknown) => {
    if (typeof value === "string") for (const bad of UNSTORABLE.string) out.push({ path: path.join("."), payload: replace(bad) });
    else if (typeof value === "number") for (const bad of UNSTORABLE.number) out.push({ path: path.join("."), payload: replace(bad) });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], (x) => replace(value.map((y, j) => (j === i ? x : y)))));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k], (x) => replace({ ...value, [k]: x }));
  };
  walk(valid, [], (x) => x);
  return out;
}
