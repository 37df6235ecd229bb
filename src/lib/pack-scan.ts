// Scanning an order's units at the packing station (pure, the same code on the tablet and the server):
// the tablet decides each scan at once, without the network; the server decides the whole log again when
// the order is packed, and what it decides is what is kept.
import { scanKey } from "./barcode";

export type PackLine = {
  id: string;
  sku: string;
  name: string;
  quantity: number;
  /** Every key the line's units answer to: their barcodes and the SKU, as `scanKey` makes them. */
  keys: string[];
};

export type ScanOutcome = "ok" | "wrong" | "extra";
export type Scan = { code: string; at: string };
export type DecidedScan = Scan & { outcome: ScanOutcome; lineId: string | null };

export type PackTally = {
  /** Units scanned by line id. */
  counts: Record<string, number>;
  scans: DecidedScan[];
  scannedUnits: number;
  totalUnits: number;
  refusedScans: number;
  complete: boolean;
};

export const MAX_SCANS = 2_000;

/**
 * One scan against the units counted so far: the first line it names that still wants a unit ("ok"), a
 * line it names that has all its units ("extra"), or no line of this order ("wrong").
 */
export function decideScan(
  lines: readonly PackLine[],
  counts: Readonly<Record<string, number>>,
  code: string,
): { outcome: ScanOutcome; lineId: string | null } {
  const key = scanKey(code);
  const named = lines.filter((l) => l.keys.includes(key));
  if (named.length === 0) return { outcome: "wrong", lineId: null };
  const open = named.find((l) => (counts[l.id] ?? 0) < l.quantity);
  return open ? { outcome: "ok", lineId: open.id } : { outcome: "extra", lineId: named[0].id };
}

/** A whole scan log decided in order, from nothing. */
export function tallyScans(lines: readonly PackLine[], scans: readonly Scan[]): PackTally {
  const counts: Record<string, number> = {};
  const decided: DecidedScan[] = [];
  for (const scan of scans) {
    const d = decideScan(lines, counts, scan.code);
    if (d.outcome === "ok" && d.lineId) counts[d.lineId] = (counts[d.lineId] ?? 0) + 1;
    decided.push({ ...scan, ...d });
  }
  const totalUnits = lines.reduce((n, l) => n + l.quantity, 0);
  const scannedUnits = Object.values(counts).reduce((n, c) => n + c, 0);
  return {
    counts,
    scans: decided,
    scannedUnits,
    totalUnits,
    refusedScans: decided.filter((s) => s.outcome !== "ok").length,
    complete: scannedUnits === totalUnits,
  };
}

/** An order as the packing station holds it (the queue, and what the tablet keeps for offline work). */
export type StationOrder = {
  id: string;
  number: number;
  customerName: string;
  shippingCity: string;
  branchId: string | null;
  assigneeId: string | null;
  inProgressAt: string | null;
  /** In progress longer than the store's rule allows. */
  late: boolean;
  lines: (PackLine & { variantId: string | null; bin: string | null })[];
  lastPack: { id: string; at: string; by: string | null; scannedUnits: number; totalUnits: number; refusedScans: number } | null;
};

export type StationBox = { id: string; name: string; lengthMm: number; widthMm: number; heightMm: number };

export type StationData = {
  orders: StationOrder[];
  boxes: StationBox[];
  branches: { id: string; name: string }[];
  requireScan: boolean;
  /** When the server read this: the tablet shows how old its copy is while offline. */
  readAt: string;
};

/** What packing an order asks of the server: the scan log is decided again there. */
export type PackRequest = {
  lastPackId: string | null;
  scans: Scan[];
  boxPresetId: string | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  weightGrams: number | null;
  /** The parcel's photo as a data: URL (JPEG), made small on the tablet. */
  photo: string | null;
};

export type PackResult = { packId: string; orderId: string; scannedUnits: number; totalUnits: number; refusedScans: number; complete: boolean };
