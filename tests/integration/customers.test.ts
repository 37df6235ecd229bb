import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { setCustomerBlocked } from "@/server/customers/block-customer";
import { getCustomer } from "@/server/customers/get-customer";
import { listCustomers } from "@/server/customers/list-customers";
import { listCustomersQuery } from "@/server/customers/schemas";
import { transitionOrder } from "@/server/orders/transition-order";
import { api } from "../support/api";
import { orderInput, seedOrder, seedStore } from "../support/factories";
import * as blockRoute from "@/app/api/v1/customers/[customerId]/block/route";
import * as unblockRoute from "@/app/api/v1/customers/[customerId]/unblock/route";

const post = async (handler: typeof blockRoute.POST, token: string, customerId: string, body?: unknown) => {
  const res = await handler(
    new Request("http://localhost/api", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body ?? {}),
    }),
    { params: Promise.resolve({ customerId }) },
  );
  return { status: res.status, body: await res.json() };
};

describe("blocking customers", () => {
  it("refuses a blocked customer's new orders at intake (by phone, or by email), records each attempt, and accepts them again once unblocked", async () => {
    const s = await seedStore();
    const first = await api.placeOrder(
      s.tokens.OWNER,
      orderInput({ phone: "+966561112222", customer: { name: "Fahad", phone: "+966561112222", email: "fahad@example.com" } } as never),
    );
    const customerId = first.body.data.customer.id;
    await setCustomerBlocked(s.ctx(), customerId, { reason: "Refused three deliveries" });

    const byPhone = await api.placeOrder(s.tokens.OWNER, orderInput({ phone: "0561112222" }));
    expect([byPhone.status, byPhone.body.error.code]).toEqual([422, "CUSTOMER_BLOCKED"]);
    expect(byPhone.body.error.fields).toEqual({ "customer.phone": "belongs to a blocked customer" });
    const byEmail = await api.placeOrder(s.tokens.OWNER, {
      ...orderInput({ phone: "+966569998888" }),
      customer: { name: "F", phone: "+966569998888", email: "FAHAD@example.com" },
    });
    expect(byEmail.status).toBe(422);
    expect(await db.order.count({ where: { storeId: s.store.id } })).toBe(1);

    const customer = await getCustomer(s.ctx(), customerId);
    expect(customer.blocked).toMatchObject({ reason: "Refused three deliveries" });
    expect(customer.refusals).toHaveLength(2);
    expect(customer.stats).toMatchObject({ orders: 1, refusedAtIntake: 2 });

    await setCustomerBlocked(s.ctx(), customerId, null);
    expect((await api.placeOrder(s.tokens.OWNER, orderInput({ phone: "+966561112222" }))).status).toBe(201);
  });

  it("blocking is written on the customer's open orders' timelines", async () => {
    const s = await seedStore();
    const open = await seedOrder(s, { phone: "+966571234567" });
    const done = await seedOrder(s, { phone: "+966571234567" });
    await transitionOrder(s.ctx(), done.id, { to: "canceled", notifyCustomer: false });
    await setCustomerBlocked(s.ctx("STAFF"), open.customer.id, { reason: "Fake orders" });
    const events = await db.orderEvent.findMany({ where: { storeId: s.store.id, type: "customer.blocked" } });
    expect(events.map((e) => [e.orderId, e.data])).toEqual([[open.id, { reason: "Fake orders" }]]);
  });

  it("lists customers with their stats, searchable by name, phone (local form) and blocked state", async () => {
    const s = await seedStore();
    const o = await seedOrder(s, { name: "Lama Al-Harbi", phone: "+966581112233" });
    await seedOrder(s, { name: "Lama Al-Harbi", phone: "+966581112233" });
    await seedOrder(s, { name: "Someone Else" });
    await setCustomerBlocked(s.ctx(), o.customer.id, { reason: "x y z" });
    const q = (query: Record<string, unknown>) => listCustomers(s.ctx(), listCustomersQuery.parse(query));
    const [lama] = (await q({ q: "lama" })).data;
    expect(lama).toMatchObject({ name: "Lama Al-Harbi", stats: { orders: 2, spent: 2 * o.totals.total, returned: 0 } });
    expect((await q({ q: "0581112233" })).data.map((c) => c.id)).toEqual([lama.id]);
    expect((await q({ blocked: "only" })).data.map((c) => c.id)).toEqual([lama.id]);
    expect((await q({ blocked: "exclude" })).data).toHaveLength(1);
  });

  it("API: block needs a reason; outsiders get 404 and change nothing", async () => {
    const s = await seedStore();
    const outsider = await seedStore();
    const order = await seedOrder(s);
    const noReason = await post(blockRoute.POST, s.tokens.STAFF, order.customer.id, {});
    expect([noReason.status, noReason.body.error.fields]).toEqual([422, { reason: "is required" }]);
    expect((await post(blockRoute.POST, outsider.tokens.OWNER, order.customer.id, { reason: "not yours" })).status).toBe(404);
    expect((await db.customer.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.customer.id } } })).blockedAt).toBeNull();
    const blocked = await post(blockRoute.POST, s.tokens.STAFF, order.customer.id, { reason: "Prank orders" });
    expect([blocked.status, blocked.body.data.blocked.reason]).toEqual([200, "Prank orders"]);
    expect((await post(unblockRoute.POST, outsider.tokens.OWNER, order.customer.id)).status).toBe(404);
    const unblocked = await post(unblockRoute.POST, s.tokens.STAFF, order.customer.id);
    expect([unblocked.status, unblocked.body.data.blocked]).toEqual([200, null]);
  });
});
