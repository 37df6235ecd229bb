// A store never sees another's data: every endpoint and use case answers "not found" to an outsider,
// and the database is unchanged afterwards.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { getOrder } from "@/server/orders/get-order";
import { getOrderReview } from "@/server/orders/get-order-review";
import { listOrders } from "@/server/orders/list-orders";
import { listOrdersQuery } from "@/server/orders/schemas";
import { revokeApiToken } from "@/server/api-tokens/revoke-api-token";
import { listApiTokens } from "@/server/api-tokens/list-api-tokens";
import { api } from "../support/api";
import { orderInput, seedOrder, seedStore } from "../support/factories";

async function snapshot(storeId: string) {
  const [orders, customers, tokens, events] = await Promise.all([
    db.order.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db.customer.findMany({ where: { storeId }, orderBy: { id: "asc" } }),
    db.apiToken.findMany({ where: { storeId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    db.orderEvent.count({ where: { storeId } }),
  ]);
  return { orders, customers, tokens, events };
}

describe("tenancy", () => {
  it("GET /api/v1/orders/{id} of another store's order is a 404, same as a missing one", async () => {
    const victim = await seedStore();
    const outsider = await seedStore();
    const order = await seedOrder(victim);
    const before = await snapshot(victim.store.id);
    const res = await api.getOrder(outsider.tokens.OWNER, order.id);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: "Order not found" } });
    expect((await api.getOrder(outsider.tokens.OWNER, crypto.randomUUID())).body).toEqual(res.body);
    expect((await api.getOrder(victim.tokens.STAFF, order.id)).status).toBe(200);
    expect(await snapshot(victim.store.id)).toEqual(before);
  });

  it("GET /api/v1/orders lists only the token's store, whatever the filters", async () => {
    const victim = await seedStore();
    const outsider = await seedStore();
    const order = await seedOrder(victim, { name: "Victim Name" });
    const res = await api.listOrders(outsider.tokens.OWNER, `?q=${order.number}`);
    expect(res.body.data.map((o: { id: string }) => o.id)).not.toContain(order.id);
    const byBranch = await api.listOrders(outsider.tokens.OWNER, `?branchId=${victim.branches[0].id}`);
    expect(byBranch.body.data).toEqual([]);
  });

  it("POST /api/v1/orders cannot order another store's products, nor touch its customers", async () => {
    const victim = await seedStore({ stock: { "VICTIM-SKU": [5, 5, 5] } });
    const outsider = await seedStore();
    const victimOrder = await seedOrder(victim, { items: [{ sku: "VICTIM-SKU", quantity: 1 }], phone: "+966500000001" });
    const before = await snapshot(victim.store.id);
    const res = await api.placeOrder(outsider.tokens.OWNER, orderInput({ items: [{ sku: "VICTIM-SKU", quantity: 1 }], phone: "+966500000001" }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ "items.0.sku": '"VICTIM-SKU" is not a product of this store' });
    const ok = await api.placeOrder(outsider.tokens.OWNER, orderInput({ phone: "+966500000001" }));
    expect(ok.body.data.customer.id).not.toBe(victimOrder.customer.id);
    expect(await snapshot(victim.store.id)).toEqual(before);
  });

  it("use cases scope by the context's store: orders, reviews, lists, tokens", async () => {
    const victim = await seedStore();
    const outsider = await seedStore();
    const order = await seedOrder(victim);
    const victimToken = (await listApiTokens(victim.ctx()))[0];
    const before = await snapshot(victim.store.id);
    await expect(getOrder(outsider.ctx(), order.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrderReview(outsider.ctx(), order.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeApiToken(outsider.ctx(), victimToken.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listOrders(outsider.ctx(), listOrdersQuery.parse({}))).data).toEqual([]);
    expect((await listApiTokens(outsider.ctx())).map((t) => t.id)).not.toContain(victimToken.id);
    expect(await snapshot(victim.store.id)).toEqual(before);
  });

  it("the database refuses a row that points at another store's row", async () => {
    const victim = await seedStore();
    const outsider = await seedStore();
    const order = await seedOrder(victim);
    await expect(
      db.orderItem.create({ data: { storeId: outsider.store.id, orderId: order.id, sku: "X", name: "X", quantity: 1, unitPrice: 1, lineTotal: 1 } }),
    ).rejects.toMatchObject({ code: "P2003" }); // the foreign key (storeId, orderId): not a row of this store
  });
});

describe("the order timeline", () => {
  it("is append-only: the database refuses to change an event", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await expect(db.orderEvent.updateMany({ where: { storeId: s.store.id, orderId: order.id }, data: { type: "rewritten" } })).rejects.toThrow(/append-only/);
  });
});
