import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { countOrdersByStatus, listOrders } from "@/server/orders/list-orders";
import { listOrdersQuery } from "@/server/orders/schemas";
import { api } from "../support/api";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";

let s: SeededStore;
const DAY = 86_400_000;

beforeAll(async () => {
  s = await seedStore();
  // 23 orders a day apart, some sharing a timestamp, in several statuses and payment methods.
  for (let i = 0; i < 23; i++) {
    const order = await seedOrder(s, {
      name: i === 4 ? "Hessa Al-Mutairi" : `Customer ${i}`,
      phone: `+96650${String(1000000 + i).padStart(7, "0")}`,
      payment: { method: i % 3 === 0 ? "card" : "cash_on_delivery", status: "pending" },
    });
    const placedAt = new Date(Date.UTC(2026, 9, 1) + Math.floor(i / 2) * DAY);
    await db.order.update({
      where: { storeId_id: { storeId: s.store.id, id: order.id } },
      data: { placedAt, status: i % 4 === 0 ? "IN_PROGRESS" : "RECEIVED", branchId: i % 5 === 0 ? s.branches[2].id : s.branches[0].id },
    });
  }
});

const query = (q: Record<string, unknown> = {}) => listOrdersQuery.parse(q);

describe("listOrders", () => {
  it("pages through every order by cursor, newest first, with no duplicates and no skips", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listOrders(s.ctx(), query({ limit: 5, cursor }));
      seen.push(...page.data.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    const expected = await db.order.findMany({ where: { storeId: s.store.id }, orderBy: [{ placedAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(expected.map((o) => o.id));
    expect(pages).toBe(5);
  });

  it("filters by status, payment method, branch and dates, and combines them", async () => {
    const inProgress = await listOrders(s.ctx(), query({ status: "in_progress" }));
    expect(inProgress.data).toHaveLength(6);
    expect(inProgress.data.every((o) => o.status === "in_progress")).toBe(true);
    const card = await listOrders(s.ctx(), query({ paymentMethod: "card" }));
    expect(card.data).toHaveLength(8);
    const dammam = await listOrders(s.ctx(), query({ branchId: s.branches[2].id }));
    expect(dammam.data).toHaveLength(5);
    const both = await listOrders(s.ctx(), query({ status: "in_progress", paymentMethod: "card" }));
    expect(both.data).toHaveLength(2); // i = 0 and 12
    const firstTwoDays = await listOrders(s.ctx(), query({ from: "2026-10-01", to: "2026-10-02" }));
    expect(firstTwoDays.data).toHaveLength(4);
  });

  it("searches by order number, name, and any part of the phone in the forms people type", async () => {
    const all = await listOrders(s.ctx(), query({ limit: 100 }));
    const target = all.data.find((o) => o.customer.name === "Hessa Al-Mutairi")!;
    expect((await listOrders(s.ctx(), query({ q: `#${target.number}` }))).data.map((o) => o.id)).toContain(target.id);
    expect((await listOrders(s.ctx(), query({ q: "hessa" }))).data.map((o) => o.id)).toEqual([target.id]);
    expect((await listOrders(s.ctx(), query({ q: "1000004" }))).data.map((o) => o.id)).toEqual([target.id]);
    expect((await listOrders(s.ctx(), query({ q: "050 1000 004" }))).data.map((o) => o.id)).toEqual([target.id]);
    expect((await listOrders(s.ctx(), query({ q: "+96650100001" }))).data).toHaveLength(10); // …010 to …019
    // Wildcards typed into the box are just characters.
    expect((await listOrders(s.ctx(), query({ q: "%" }))).data).toEqual([]);
    expect((await listOrders(s.ctx(), query({ q: "hess_" }))).data).toEqual([]);
  });

  it("counts each status tab under the same filters", async () => {
    const counts = await countOrdersByStatus(s.ctx(), { paymentMethod: "card" });
    expect(counts.all).toBe(8);
    expect(counts.in_progress).toBe(2);
    expect(counts.received).toBe(6);
    // Past the cap a tab says "more than": cap + 1.
    const capped = await countOrdersByStatus(s.ctx(), { paymentMethod: "card" }, 5);
    expect(capped).toMatchObject({ all: 6, received: 6, in_progress: 2 });
  });

  it("rejects a forged cursor with a 422 naming the field", async () => {
    const res = await api.listOrders(s.tokens.STAFF, "?cursor=bm90LWEtY3Vyc29y");
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ cursor: "is not a cursor this API returned" });
  });

  it("GET /api/v1/orders returns the page shape and validates its query", async () => {
    const res = await api.listOrders(s.tokens.STAFF, "?limit=2&status=received");
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    expect(typeof res.body.nextCursor).toBe("string");
    const bad = await api.listOrders(s.tokens.STAFF, "?status=lost&limit=1000");
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["limit", "status"]);
  });
});
