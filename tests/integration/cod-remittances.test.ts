// The cash trail per carrier: a delivered COD parcel is expected cash, the carrier's "collected" is
// recorded once, and remittance statements are matched line by line — short, over, paid twice, unknown,
// refused but paid — refused when their lines do not add up, recorded once, reversed by entries, settled
// with a note; the sums on the Cash on delivery page add up from the entries.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { carrierAdapters, simulatorControl } from "@/server/shipping/carrier-simulator";
import { applyCarrierEvent } from "@/server/shipping/carrier-events";
import { issueLabel } from "@/server/shipping/issue-label";
import { transitionOrder } from "@/server/orders/transition-order";
import { fetchCarrierStatements, recordStatement, reverseStatement, settleCollection, settleLine, uploadStatement } from "@/server/cod/statements";
import { cashAging, cashByCarrier, cashMismatches, cashStillToCollect, outstandingSeries, statementLines } from "@/server/cod/cod-ledger";
import { isAppError } from "@/server/errors/app-error";
import { seedOrder, type SeededStore } from "../support/factories";
import { labelInput, shippableStore } from "../support/labels";

const adapters = carrierAdapters();

beforeEach(() => {
  simulatorControl.latencyMs = 0;
  simulatorControl.failureRate = 0;
  simulatorControl.remittanceQuirks = true;
});

/** A cash-on-delivery order with an Aramex label, taken to `to` by the carrier's webhooks. */
async function codParcel(s: SeededStore, to: "delivered" | "returned_to_sender" | "in_transit" = "delivered", payment = { method: "cash_on_delivery" }) {
  const order = await seedOrder(s, { payment } as never);
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  const label = await issueLabel(s.ctx(), order.id, labelInput(s), { idempotencyKey: randomUUID() }, { adapters });
  const trackingNumber = label.trackingNumber!;
  const steps = to === "in_transit" ? ["picked_up", "in_transit"] : to === "delivered" ? ["picked_up", "delivered"] : ["picked_up", "returned_to_sender"];
  for (const status of steps) await applyCarrierEvent("aramex", { trackingNumber, status: status as never });
  const total = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).total;
  return { order, trackingNumber, total };
}

const collectionOf = (s: SeededStore, trackingNumber: string) => db.codCollection.findFirst({ where: { storeId: s.store.id, trackingNumber } });
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("expected cash", () => {
  it("a delivered COD parcel is expected cash once; the carrier's 'collected' is recorded once; a prepaid parcel expects nothing", async () => {
    const s = await shippableStore();
    const a = await codParcel(s);
    const c = await collectionOf(s, a.trackingNumber);
    expect(c).toMatchObject({ carrier: "aramex", amount: a.total, outstanding: a.total, remitted: 0, collectedAt: null });
    expect(c!.deliveredAt).toBeInstanceOf(Date);

    expect(await applyCarrierEvent("aramex", { trackingNumber: a.trackingNumber, status: "cod_collected", amount: a.total })).toBe("applied");
    expect(await applyCarrierEvent("aramex", { trackingNumber: a.trackingNumber, status: "cod_collected", amount: a.total })).toBe("duplicate");
    expect(await collectionOf(s, a.trackingNumber)).toMatchObject({ collectedAmount: a.total });
    const events = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: a.order.id, type: "cod.collected" } });
    expect(events).toHaveLength(1);

    // Cash "collected" before the delivery is known: nothing to mark yet; the carrier sends it again.
    const b = await codParcel(s, "in_transit");
    expect(await applyCarrierEvent("aramex", { trackingNumber: b.trackingNumber, status: "cod_collected" })).toBe("deferred");

    const paid = await codParcel(s, "delivered", { method: "card", status: "paid" } as never);
    expect(await collectionOf(s, paid.trackingNumber)).toBeNull();
  });
});

describe("matching a statement", () => {
  it("exact, short, paid twice, unknown, refused but paid and nothing to collect: each line as it matched, the sums from the entries", async () => {
    const s = await shippableStore();
    const [a, b, c] = [await codParcel(s), await codParcel(s), await codParcel(s)];
    const back = await codParcel(s, "returned_to_sender");
    const prepaid = await codParcel(s, "delivered", { method: "card", status: "paid" } as never);
    const lines = [
      { trackingNumber: a.trackingNumber, amount: a.total },
      { trackingNumber: b.trackingNumber, amount: b.total - 500 },
      { trackingNumber: c.trackingNumber, amount: c.total },
      { trackingNumber: c.trackingNumber, amount: c.total },
      { trackingNumber: "99999999999", amount: 1200 },
      { trackingNumber: back.trackingNumber, amount: 3000 },
      { trackingNumber: prepaid.trackingNumber, amount: 700 },
    ];
    const statedTotal = lines.reduce((n, l) => n + l.amount, 0);
    const recorded = await recordStatement(s.ctx(), { carrier: "aramex", reference: "ARX-1", statedTotal, lines, source: "upload" });
    expect(recorded).toMatchObject({ duplicate: false, lineCount: 7, matchedCount: 2, mismatchCount: 5 });

    const { lines: read } = await statementLines(s.ctx(), recorded.id);
    expect(read.map((l) => l.outcome)).toEqual(["MATCHED", "SHORT", "MATCHED", "PAID_TWICE", "UNKNOWN", "REFUSED", "UNEXPECTED"]);
    expect(read[0].order?.id).toBe(a.order.id);

    const mismatches = await cashMismatches(s.ctx());
    const kinds = Object.fromEntries(mismatches.map((m) => [m.trackingNumber, m.kind]));
    expect(kinds).toEqual({
      [b.trackingNumber]: "short",
      [c.trackingNumber]: "paid_twice",
      "99999999999": "unknown",
      [back.trackingNumber]: "refused",
      [prepaid.trackingNumber]: "unexpected",
    });
    expect(mismatches.find((m) => m.kind === "short")).toMatchObject({ expected: b.total, paid: b.total - 500, difference: 500 });
    expect(mismatches.find((m) => m.kind === "paid_twice")).toMatchObject({ paid: 2 * c.total, difference: -c.total });

    const [aramex] = await cashByCarrier(s.ctx());
    const expected = a.total + b.total + c.total;
    expect(aramex).toMatchObject({
      carrier: "aramex",
      parcels: 3,
      expected,
      remitted: a.total + (b.total - 500) + 2 * c.total,
      outstanding: expected - (a.total + (b.total - 500) + 2 * c.total),
      unmatched: 1200 + 3000 + 700,
    });
    // The books: each collection's running sums are its entries.
    for (const col of await db.codCollection.findMany({ where: { storeId: s.store.id } })) {
      const entries = await db.codEntry.findMany({ where: { storeId: s.store.id, collectionId: col.id } });
      const remitted = entries.filter((e) => e.kind !== "SETTLEMENT").reduce((n, e) => n + e.amount, 0);
      expect(col.remitted).toBe(remitted);
      expect(col.outstanding).toBe(col.amount - col.remitted - col.settled);
    }
    const timeline = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: b.order.id, type: "cod.remitted" } });
    expect(timeline.map((e) => (e.data as { outcome: string }).outcome)).toEqual(["SHORT"]);
  });

  it("lines that do not add up to the stated total are refused with the difference, and nothing is recorded", async () => {
    const s = await shippableStore();
    const a = await codParcel(s);
    const error = await refusal(
      recordStatement(s.ctx(), {
        carrier: "aramex",
        reference: "ARX-2",
        statedTotal: a.total + 100,
        lines: [{ trackingNumber: a.trackingNumber, amount: a.total }],
        source: "upload",
      }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields?.statedTotal).toContain("a difference of");
    expect(await db.codStatement.count({ where: { storeId: s.store.id } })).toBe(0);
    expect(await collectionOf(s, a.trackingNumber)).toMatchObject({ remitted: 0 });
  });

  it("the same statement again changes nothing and says so, by its number or, without one, by its lines in any order", async () => {
    const s = await shippableStore();
    const [a, b] = [await codParcel(s), await codParcel(s)];
    const lines = [
      { trackingNumber: a.trackingNumber, amount: a.total },
      { trackingNumber: b.trackingNumber, amount: b.total },
    ];
    const statement = { carrier: "aramex" as const, statedTotal: a.total + b.total, lines, source: "upload" as const };
    const first = await recordStatement(s.ctx(), { ...statement, reference: "ARX-3" });
    const again = await recordStatement(s.ctx(), { ...statement, reference: "ARX-3" });
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    expect((await collectionOf(s, a.trackingNumber))!.remittances).toBe(1);

    const c = await codParcel(s);
    const unnamed = {
      carrier: "aramex" as const,
      statedTotal: c.total + 1,
      lines: [
        { trackingNumber: c.trackingNumber, amount: c.total },
        { trackingNumber: "X1", amount: 1 },
      ],
      source: "upload" as const,
    };
    const once = await recordStatement(s.ctx(), unnamed);
    const twice = await recordStatement(s.ctx(), { ...unnamed, lines: [...unnamed.lines].reverse() });
    expect(once.reference).toMatch(/^lines:/);
    expect(twice).toMatchObject({ id: once.id, duplicate: true });
    expect(await db.codEntry.count({ where: { storeId: s.store.id, kind: "REMITTANCE" } })).toBe(4);
  });

  it("a reversal cancels each line by an entry, once; the statement may then be recorded again", async () => {
    const s = await shippableStore();
    const a = await codParcel(s);
    const lines = [
      { trackingNumber: a.trackingNumber, amount: a.total - 100 },
      { trackingNumber: "NOPE", amount: 100 },
    ];
    const st = await recordStatement(s.ctx(), { carrier: "aramex", reference: "ARX-4", statedTotal: a.total, lines, source: "upload" });
    await reverseStatement(s.ctx(), st.id, "Recorded under the wrong carrier");
    expect(await collectionOf(s, a.trackingNumber)).toMatchObject({ remitted: 0, remittances: 0, outstanding: a.total });
    expect((await refusal(reverseStatement(s.ctx(), st.id, "again"))).code).toBe("CONFLICT");
    expect(await cashMismatches(s.ctx())).toEqual([]);
    const entries = await db.codEntry.findMany({ where: { storeId: s.store.id, statementId: st.id } });
    expect(
      entries
        .filter((e) => e.kind === "REVERSAL")
        .map((e) => e.amount)
        .sort(),
    ).toEqual([-(a.total - 100), -100].sort());
    expect(entries.filter((e) => e.kind === "REMITTANCE")).toHaveLength(2);

    const again = await recordStatement(s.ctx(), { carrier: "aramex", reference: "ARX-4", statedTotal: a.total, lines, source: "upload" });
    expect(again.duplicate).toBe(false);
    expect(await collectionOf(s, a.trackingNumber)).toMatchObject({ remitted: a.total - 100, remittances: 1, outstanding: 100 });
  });

  it("settling closes a difference with a note, once; an unmatched line is closed the same way", async () => {
    const s = await shippableStore();
    const a = await codParcel(s);
    await recordStatement(s.ctx(), {
      carrier: "aramex",
      reference: "ARX-5",
      statedTotal: a.total - 300 + 900,
      lines: [
        { trackingNumber: a.trackingNumber, amount: a.total - 300 },
        { trackingNumber: "ZZZ", amount: 900 },
      ],
      source: "upload",
    });
    const [short, unknown] = await cashMismatches(s.ctx());
    expect(short.kind).toBe("short");
    await settleCollection(s.ctx(), (short.target as { collectionId: string }).collectionId, "Carrier's COD fee, per contract");
    expect(await collectionOf(s, a.trackingNumber)).toMatchObject({ settled: 300, outstanding: 0 });
    expect((await refusal(settleCollection(s.ctx(), (short.target as { collectionId: string }).collectionId, "again"))).code).toBe("CONFLICT");
    await settleLine(s.ctx(), (unknown.target as { lineId: string }).lineId, "Another merchant's parcel: refunded to the carrier");
    expect((await refusal(settleLine(s.ctx(), (unknown.target as { lineId: string }).lineId, "again"))).code).toBe("CONFLICT");
    expect(await cashMismatches(s.ctx())).toEqual([]);
    const [aramex] = await cashByCarrier(s.ctx());
    expect(aramex).toMatchObject({ outstanding: 0, settled: 300, unmatched: 0 });
    const settled = await db.orderEvent.findFirstOrThrow({ where: { storeId: s.store.id, orderId: a.order.id, type: "cod.settled" } });
    expect(settled.data).toMatchObject({ amount: 300, note: "Carrier's COD fee, per contract" });
  });
});

describe("statement files", () => {
  it("reads a carrier's file by its columns (Arabic digits, a Total row, the statement's number); problems are refused with their rows", async () => {
    const s = await shippableStore();
    const [a, b] = [await codParcel(s), await codParcel(s)];
    const riyals = (minor: number) => (minor / 100).toFixed(2);
    const arabic = (text: string) => text.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]);
    const csv = [
      "AWB Number,COD Amount,Remittance No,Remittance Date",
      `${a.trackingNumber},${riyals(a.total)},RM-77,30/11/2026`,
      `${arabic(b.trackingNumber)},${arabic(riyals(b.total))},RM-77,30/11/2026`,
      `Total,${riyals(a.total + b.total)},,`,
    ].join("\r\n");
    const result = await uploadStatement(s.ctx(), { carrier: "aramex", fileName: "aramex.csv", bytes: new TextEncoder().encode(csv) });
    expect(result).toMatchObject({ reference: "RM-77", lineCount: 2, matchedCount: 2, duplicate: false });
    const again = await uploadStatement(s.ctx(), { carrier: "aramex", fileName: "aramex (1).csv", bytes: new TextEncoder().encode(csv) });
    expect(again.duplicate).toBe(true);
    const stored = await db.codStatement.findFirstOrThrow({ where: { storeId: s.store.id, id: result.id } });
    expect(stored.paidOn?.toISOString().slice(0, 10)).toBe("2026-11-30");

    const bad = ["AWB Number,COD Amount", `${a.trackingNumber},"12,5"`, `,10`, `${b.trackingNumber},abc`].join("\n");
    const error = await refusal(uploadStatement(s.ctx(), { carrier: "aramex", fileName: "bad.csv", bytes: new TextEncoder().encode(bad) }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect((error.details?.problems as { row: number; rule: string }[]).map((p) => `${p.row}:${p.rule}`)).toEqual([
      "2:decimalComma",
      "3:missingTracking",
      "4:notAmount",
    ]);

    const wrong = "Tracking,Amount\n123,10";
    const missing = await refusal(uploadStatement(s.ctx(), { carrier: "aramex", fileName: "w.csv", bytes: new TextEncoder().encode(wrong) }));
    expect(missing.details?.problems).toEqual([
      { row: 1, rule: "missingColumn", params: { column: "AWB Number" } },
      { row: 1, rule: "missingColumn", params: { column: "COD Amount" } },
    ]);
    // Without a total in the file or the form, the statement cannot be checked: refused.
    const noTotal = `AWB Number,COD Amount\n${a.trackingNumber},1.00`;
    expect(
      (await refusal(uploadStatement(s.ctx(), { carrier: "aramex", fileName: "n.csv", bytes: new TextEncoder().encode(noTotal) }))).fields?.statedTotal,
    ).toBeTruthy();
  });
});

describe("statements fetched from the carrier", () => {
  it("the simulated carrier pays what it collected, with real statements' quirks; fetched again, nothing changes", async () => {
    const s = await shippableStore();
    const parcels = [await codParcel(s), await codParcel(s), await codParcel(s)];
    const back = await codParcel(s, "returned_to_sender");
    // The carrier's own records move as its webhooks said.
    for (const p of parcels) await db.carrierSimShipment.update({ where: { trackingNumber: p.trackingNumber }, data: { status: "delivered" } });
    await db.carrierSimShipment.update({ where: { trackingNumber: back.trackingNumber }, data: { status: "returned_to_sender" } });

    const first = await fetchCarrierStatements(s.ctx(), "aramex");
    expect(first.recorded).toHaveLength(1);
    expect(first.already).toHaveLength(0);
    const kinds = (await cashMismatches(s.ctx())).map((m) => m.kind).sort();
    expect(kinds).toEqual(["paid_twice", "refused", "short", "unknown"]);

    const second = await fetchCarrierStatements(s.ctx(), "aramex");
    expect(second.recorded).toHaveLength(0);
    expect(second.already.map((r) => r.id)).toEqual(first.recorded.map((r) => r.id));
    expect(await db.codStatement.count({ where: { storeId: s.store.id } })).toBe(1);
  });
});

describe("the page's figures", () => {
  it("aging by days since delivery, the outstanding series ending at today's open cash, and the home page's total", async () => {
    const s = await shippableStore();
    const [a, b] = [await codParcel(s), await codParcel(s)];
    await db.codCollection.updateMany({
      where: { storeId: s.store.id, trackingNumber: b.trackingNumber },
      data: { deliveredAt: new Date(Date.now() - 20 * 86_400_000) },
    });
    const aging = await cashAging(s.ctx());
    expect(aging).toEqual([
      {
        carrier: "aramex",
        buckets: {
          d0_7: { parcels: 1, amount: a.total },
          d8_14: { parcels: 0, amount: 0 },
          d15_30: { parcels: 1, amount: b.total },
          over30: { parcels: 0, amount: 0 },
        },
      },
    ]);
    expect(await cashStillToCollect(s.ctx())).toEqual({ parcels: 2, amount: a.total + b.total });

    await recordStatement(s.ctx(), {
      carrier: "aramex",
      reference: "ARX-6",
      statedTotal: a.total,
      lines: [{ trackingNumber: a.trackingNumber, amount: a.total }],
      source: "upload",
    });
    const series = await outstandingSeries(s.ctx(), "Asia/Riyadh", 30);
    expect(series.carriers).toEqual(["aramex"]);
    const values = series.values.aramex;
    expect(values.at(-1)).toBe(b.total);
    // Twenty-one days ago, neither had been delivered (as the history now says).
    expect(values[values.length - 22]).toBe(0);
    expect(values[values.length - 10]).toBe(b.total);
  });
});
