// The rules of the cash trail. Pure: how a statement's line matches what the store expects, what is
// wrong with a collection, and how old its cash is.

export const LINE_OUTCOMES = ["MATCHED", "SHORT", "OVER", "PAID_TWICE", "UNKNOWN", "REFUSED", "UNEXPECTED"] as const;
export type LineOutcome = (typeof LINE_OUTCOMES)[number];

/** What a statement's tracking number names in the store, as it stands when its line is matched. */
export type ParcelOnFile =
  | { kind: "none" }
  /** The parcel came back to the store (refused at the door): there was no cash to remit. */
  | { kind: "returned"; orderId: string }
  /** A parcel of the store's with no cash expected for it: prepaid, or not delivered yet. */
  | { kind: "no_cash"; orderId: string }
  | { kind: "collection"; orderId: string; collectionId: string; amount: number; remittances: number };

/** How one line matches: a collection's first line is exact, short or over; a later one pays it twice. */
export function lineOutcome(parcel: ParcelOnFile, amount: number): LineOutcome {
  switch (parcel.kind) {
    case "none":
      return "UNKNOWN";
    case "returned":
      return "REFUSED";
    case "no_cash":
      return "UNEXPECTED";
    case "collection":
      if (parcel.remittances > 0) return "PAID_TWICE";
      return amount === parcel.amount ? "MATCHED" : amount < parcel.amount ? "SHORT" : "OVER";
  }
}

export const MISMATCH_KINDS = ["short", "over", "paid_twice", "unknown", "refused", "unexpected"] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

/** What is wrong with a collection the carrier has paid something for, or null when it balances or nothing was paid yet. */
export function collectionMismatch(c: { outstanding: number; remittances: number }): MismatchKind | null {
  if (c.remittances === 0 || c.outstanding === 0) return null;
  if (c.remittances > 1) return "paid_twice";
  return c.outstanding > 0 ? "short" : "over";
}

/** A line that matched no cash the store expects, by its outcome. */
export function lineMismatch(outcome: LineOutcome): MismatchKind | null {
  return outcome === "UNKNOWN" ? "unknown" : outcome === "REFUSED" ? "refused" : outcome === "UNEXPECTED" ? "unexpected" : null;
}

export const AGING_BUCKETS = ["d0_7", "d8_14", "d15_30", "over30"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Days since delivery → the aging column: 0–7, 8–14, 15–30, over 30 (whole days, as a calendar counts them from the delivery). */
export function agingBucket(days: number): AgingBucket {
  if (days <= 7) return "d0_7";
  if (days <= 14) return "d8_14";
  if (days <= 30) return "d15_30";
  return "over30";
}

/** The refusal's words when a statement's lines do not add up to its stated total. */
export function totalsDiffer(statedTotal: number, lines: readonly { amount: number }[]): { linesTotal: number; difference: number } | null {
  const linesTotal = lines.reduce((n, l) => n + l.amount, 0);
  return linesTotal === statedTotal ? null : { linesTotal, difference: statedTotal - linesTotal };
}
