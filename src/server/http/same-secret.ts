import { timingSafeEqual } from "node:crypto";

/** Whether a secret someone sent is ours, compared in constant time (a different length is simply not). */
export function sameSecret(given: string, ours: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(ours);
  return a.length === b.length && timingSafeEqual(a, b);
}
