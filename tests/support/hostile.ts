// Random and hostile values for property-based tests: wrong types, huge strings, negative and huge
// numbers, unicode, SQL and HTML fragments, and payloads near a valid one with fields dropped,
// retyped or added.
import fc from "fast-check";

export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("'; DROP TABLE orders; --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\u0000", "‮RTL override", "١٢٣", "../../etc/passwd", "%00", "${7*7}", "{{7*7}}"),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
export const hostileNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 31), Number.MAX_SAFE_INTEGER, 1e308));
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, hostileString, hostileNumber, fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(hostileString, tie("value"), { maxKeys: 4 })),
})).value;

/** A payload that looks like the endpoint's, with fields dropped, retyped or added. */
export const near = (shape: Record<string, unknown>) =>
  fc.record(Object.fromEntries(Object.keys(shape).map((k) => [k, fc.oneof(fc.constant(shape[k]), hostileValue)])), { requiredKeys: [] }).chain((base) =>
    fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }).map((extra) => ({ ...base, ...extra })),
  );
