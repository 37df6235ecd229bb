import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { api } from "../support/api";
import { orderInput, seedStore, uniquePhone } from "../support/factories";

describe("POST /api/v1/orders", () => {
  it("places an order priced from the catalog, with its customer and first timeline event", async () => {
    const s = await seedStore();
    const phone = uniquePhone();
    const res = await api.placeOrder(
      s.tokens.OWNER,
      orderInput({
        phone,
        items: [
          { sku: "SKU-A", quantity: 2 },
          { sku: "SKU-B", quantity: 1 },
        ],
      }),
    );
    expect(res.status).toBe(201);
    const order = res.body.data;
    expect(order.status).toBe("received");
    expect(order.items.map((i: { sku: string; unitPrice: number; lineTotal: number }) => [i.sku, i.unitPrice, i.lineTotal])).toEqual([
      ["SKU-A", 10000, 20000],
      ["SKU-B", 2550, 2550],
    ]);
    expect(order.totals).toEqual({ subtotal: 22550, shipping: 2500, codFee: 0, discount: 0, tax: 0, total: 25050, currency: "SAR" });
    expect(order.customer.phone).toBe(phone);
    const events = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: order.id } });
    expect(events.map((e) => [e.type, e.actorType])).toEqual([["order.placed", "API_TOKEN"]]);
  });

  it("matches an existing customer by phone, however it is typed", async () => {
    const s = await seedStore();
    const first = await api.placeOrder(s.tokens.OWNER, orderInput({ phone: "+966551234567" }));
    const second = await api.placeOrder(s.tokens.OWNER, orderInput({ phone: "055 123 4567", name: "Another spelling" }));
    expect(second.status).toBe(201);
    expect(second.body.data.customer.id).toBe(first.body.data.customer.id);
    expect(await db.customer.count({ where: { storeId: s.store.id } })).toBe(1);
  });

  it("a new customer's orders arriving at once all succeed and share one customer", async () => {
    const s = await seedStore();
    const phone = uniquePhone();
    const responses = await Promise.all(Array.from({ length: 8 }, () => api.placeOrder(s.tokens.OWNER, orderInput({ phone }))));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((r) => r.body.data.customer.id)).size).toBe(1);
    expect(await db.customer.count({ where: { storeId: s.store.id } })).toBe(1);
  });

  it("ships from the default branch when it can fill everything, else from one that can", async () => {
    const s = await seedStore();
    const fromDefault = await api.placeOrder(s.tokens.OWNER, orderInput({ items: [{ sku: "SKU-A", quantity: 3 }] }));
    expect(fromDefault.body.data.shipping.branchId).toBe(s.branches[0].id);
    const fromJeddah = await api.placeOrder(s.tokens.OWNER, orderInput({ items: [{ sku: "SKU-B", quantity: 2 }] }));
    expect(fromJeddah.body.data.shipping.branchId).toBe(s.branches[1].id);
  });

  it("refuses a price sent by the client, naming the field", async () => {
    const s = await seedStore();
    const res = await api.placeOrder(s.tokens.OWNER, orderInput({ items: [{ sku: "SKU-A", quantity: 1, price: 1 } as never] }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ "items.0.price": "is not a known field" });
  });

  it.each([
    ["unknown SKU", { items: [{ sku: "NOPE", quantity: 1 }] }, "UNKNOWN_SKU", "items.0.sku"],
    ["quantity 0", { items: [{ sku: "SKU-A", quantity: 0 }] }, "VALIDATION_FAILED", "items.0.quantity"],
    ["negative quantity", { items: [{ sku: "SKU-A", quantity: -3 }] }, "VALIDATION_FAILED", "items.0.quantity"],
    ["fractional quantity", { items: [{ sku: "SKU-A", quantity: 1.5 }] }, "VALIDATION_FAILED", "items.0.quantity"],
    ["malformed phone", { phone: "12ab" }, "VALIDATION_FAILED", "customer.phone"],
    ["no items", { items: [] }, "VALIDATION_FAILED", "items"],
    ["unknown payment method", { payment: { method: "cheque", status: "paid" } }, "VALIDATION_FAILED", "payment.method"],
  ])("422 for %s, naming the field and writing nothing", async (_label, overrides, code, field) => {
    const s = await seedStore();
    const res = await api.placeOrder(s.tokens.OWNER, orderInput(overrides as never));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(await db.order.count({ where: { storeId: s.store.id } })).toBe(0);
    expect(await db.customer.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("400 without an Idempotency-Key, and for a body that is not JSON", async () => {
    const s = await seedStore();
    const noKey = await api.placeOrder(s.tokens.OWNER, orderInput(), null);
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    const notJson = await api.placeOrder(s.tokens.OWNER, undefined, "k", { rawBody: "{not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.fields).toEqual({ body: "must be valid JSON" });
  });

  it("401 without a token, with an unknown token and with a revoked one", async () => {
    const s = await seedStore();
    expect((await api.placeOrder(null, orderInput())).status).toBe(401);
    expect((await api.placeOrder("tj_made_up", orderInput())).status).toBe(401);
    await db.apiToken.updateMany({ where: { storeId: s.store.id, role: "STAFF" }, data: { revokedAt: new Date() } });
    const revoked = await api.listOrders(s.tokens.STAFF);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("UNAUTHENTICATED");
  });
});

describe("idempotency", () => {
  it("a replay returns the first response; the same key with another body is a 422", async () => {
    const s = await seedStore();
    const body = orderInput();
    const first = await api.placeOrder(s.tokens.OWNER, body, "key-1");
    const replay = await api.placeOrder(s.tokens.OWNER, body, "key-1");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    const different = await api.placeOrder(s.tokens.OWNER, { ...body, items: [{ sku: "SKU-C", quantity: 1 }] }, "key-1");
    expect(different.status).toBe(422);
    expect(different.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await db.order.count({ where: { storeId: s.store.id } })).toBe(1);
  });

  it("20 concurrent replays of one key make exactly one order", async () => {
    const s = await seedStore();
    const body = orderInput();
    const responses = await Promise.all(Array.from({ length: 20 }, () => api.placeOrder(s.tokens.OWNER, body, "racing-key")));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.body.data.id)).size).toBe(1);
    expect(await db.order.count({ where: { storeId: s.store.id } })).toBe(1);
  });

  it("keys belong to one store: another store may use the same key", async () => {
    const a = await seedStore();
    const b = await seedStore();
    expect((await api.placeOrder(a.tokens.OWNER, orderInput(), "shared")).status).toBe(201);
    expect((await api.placeOrder(b.tokens.OWNER, orderInput(), "shared")).status).toBe(201);
  });
});

describe("order numbers", () => {
  it("stay unique and gapless under 20 concurrent intakes, even with failures among them", async () => {
    const s = await seedStore();
    const attempts = Array.from({ length: 24 }, (_, i) =>
      api.placeOrder(s.tokens.OWNER, orderInput(i % 6 === 5 ? { items: [{ sku: "MISSING", quantity: 1 }] } : {})),
    );
    const responses = await Promise.all(attempts);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(20);
    const numbers = (await db.order.findMany({ where: { storeId: s.store.id }, select: { number: true } })).map((o) => o.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => 1001 + i));
  });
});
