// Thank-you discount codes: how they look and what they take off. Pure.
import { randomInt } from "node:crypto";

// Codes people can read out and type: no 0/O or 1/I/L.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newDiscountCode(prefix = "THX"): string {
  return `${prefix}-${Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("")}`;
}

/** How a typed code is compared: case, spaces and dashes do not matter. */
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");

/** What the code takes off an order of this total (minor units), never more than the total. */
export function discountAmount(discount: { kind: string; value: number }, orderTotal: number): number {
  const off = discount.kind === "percent" ? Math.floor((orderTotal * discount.value) / 100) : discount.value;
  return Math.min(off, orderTotal);
}
