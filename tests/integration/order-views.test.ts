import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { listOrders } from "@/server/orders/list-orders";
import { listOrdersQuery } from "@/server/orders/schemas";
import { ORDER_SORTS, type OrderSort } from "@/server/orders/order-sort";
import { createOrderView, deleteOrderView, listOrderViews, viewSearchParams } from "@/server/orders/order-views";
import type { StoreContext } from "@/server/auth/context";
import { seedOrder, seedStore } from "../support/factories";

/** Every page of the list under `sort`, three orders a page, followed by its cursors. */
async function everyPage(ctx: StoreContext, sort: OrderSort) {
  const seen: { id: string; number: number; total: number; placedAt: string }[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await listOrders(ctx, listOrdersQuery.parse({ sort, limit: 3, ...(cursor ? { cursor } : {}) }));
    seen.push(...page.data.map((o) => ({ id: o.id, number: o.number, total: o.totals.total, placedAt: o.placedAt })));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return seen;
}

describe("the orders list: sorts and saved views", () => {
  it("pages through every order once in each sort, in its order, ties broken the same way each time", async () => {
    const s = await seedStore();
    // Ten orders, some with the same total, placed at chosen times (two at the same moment).
    const quantities = [1, 3, 2, 1, 5, 2, 4, 1, 3, 2];
    const orders = [];
    for (const q of quantities) orders.push(await seedOrder(s, { items: [{ sku: "SKU-C", quantity: q }] }));
    const base = Date.now() - 100 * 60_000;
    for (const [i, o] of orders.entries())
      await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: o.id } }, data: { placedAt: new Date(base + (i === 4 ? 3 : i) * 60_000) } });
    const key = (o: { total: number; number: number; placedAt: string; id: string }, sort: OrderSort): [number, string] =>
      sort.startsWith("total") ? [o.total, o.id] : sort.startsWith("number") ? [o.number, o.id] : [Date.parse(o.placedAt), o.id];
    for (const sort of ORDER_SORTS) {
      const seen = await everyPage(s.ctx(), sort);
      expect(seen.map((o) => o.id).sort(), sort).toEqual(orders.map((o) => o.id).sort());
      const desc = sort === "newest" || sort.endsWith("_high");
      const sorted = [...seen].sort((a, b) => {
        const [x, xi] = key(a, sort);
        const [y, yi] = key(b, sort);
        return desc ? y - x || yi.localeCompare(xi) : x - y || xi.localeCompare(yi);
      });
      expect(
        seen.map((o) => o.id),
        sort,
      ).toEqual(sorted.map((o) => o.id));
    }
    // A cursor of one sort is not a cursor of another: the field is named, nothing is guessed.
    const newest = await listOrders(s.ctx(), listOrdersQuery.parse({ limit: 3 }));
    await expect(listOrders(s.ctx(), listOrdersQuery.parse({ sort: "total_high", limit: 3, cursor: newest.nextCursor }))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { cursor: expect.any(String) },
    });
  });

  it("a view is one's own or shared by owners and admins; names are unique among each; others' own views are not seen; deleting is the owner's", async () => {
    const s = await seedStore();
    const staffUser = await db.user.create({ data: { email: `staff-${crypto.randomUUID()}@test.test`, name: "Staff", passwordHash: "x" } });
    await db.membership.create({ data: { storeId: s.store.id, userId: staffUser.id, role: "STAFF" } });
    const staff: StoreContext = { storeId: s.store.id, role: "STAFF", actor: { type: "USER", id: staffUser.id, name: "Staff" } };

    const shared = await createOrderView(s.ctx(), {
      name: "COD to collect",
      shared: true,
      query: { paymentMethod: "cash_on_delivery", status: "shipped", sort: "total_high" },
      columns: ["customer", "total", "city"],
    });
    const own = await createOrderView(s.ctx(), { name: "COD to collect", shared: false, query: { tag: "vip" }, columns: ["date"] });
    await expect(createOrderView(s.ctx(), { name: "COD to collect", shared: true, query: {}, columns: [] })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: expect.any(String) },
    });
    // Staff keep views of their own, and may not share one.
    await expect(createOrderView(staff, { name: "Mine", shared: true, query: {}, columns: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const staffOwn = await createOrderView(staff, { name: "COD to collect", shared: false, query: {}, columns: ["status"] });

    expect((await listOrderViews(s.ctx())).map((v) => [v.name, v.shared, v.deletable])).toEqual([
      ["COD to collect", true, true],
      ["COD to collect", false, true],
    ]);
    expect((await listOrderViews(staff)).map((v) => [v.id, v.deletable])).toEqual([
      [shared.id, false],
      [staffOwn.id, true],
    ]);
    // The view opens as the list's URL: its filters, its sort and its columns.
    expect(Object.fromEntries(viewSearchParams(shared))).toEqual({
      paymentMethod: "cash_on_delivery",
      status: "shipped",
      sort: "total_high",
      cols: "customer,total,city",
      view: shared.id,
    });
    // Staff cannot delete the shared view, nor the owner's own; the owner deletes both.
    await expect(deleteOrderView(staff, shared.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteOrderView(staff, own.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deleteOrderView(s.ctx(), shared.id);
    await deleteOrderView(s.ctx(), own.id);
    await expect(deleteOrderView(s.ctx(), own.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listOrderViews(staff)).toHaveLength(1);
  });
});
