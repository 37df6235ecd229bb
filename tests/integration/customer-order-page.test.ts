import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { customerOrderByToken } from "@/server/orders/customer-view";
import { transitionOrder } from "@/server/orders/transition-order";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { fundWallet } from "../support/wallet";
import * as oneRoute from "@/app/api/v1/storefront/orders/[orderId]/route";
import * as listRoute from "@/app/api/v1/storefront/customers/[customerId]/orders/route";
import { seedOrder, seedStore } from "../support/factories";
import { storeOfCustomerToken, uuidBytes } from "@/lib/customer-token";
import { authenticateApiToken } from "@/server/api-tokens/authenticate-api-token";
import { createApiToken } from "@/server/api-tokens/create-api-token";
import { hashApiToken, tokenPrefix } from "@/server/api-tokens/token-hash";

const get = async (handler: typeof oneRoute.GET, token: string, params: Record<string, string>) => {
  const res = await handler(new Request("http://localhost/api", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
  return { status: res.status, body: await res.json() };
};
const tokenOf = async (storeId: string, id: string) =>
  (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId, id } }, select: { publicToken: true } })).publicToken;

describe("the customer's order page", () => {
  it("follows the order in customer words; the shipment appears only once shipped, with the carrier's tracking page", async () => {
    const s = await seedStore();
    await saveCarrierAccount(s.ctx(), { carrier: "smsa", enabled: true });
    await fundWallet(s.ctx(), { amount: 10_000, reference: "t" });
    const order = await seedOrder(s);
    const token = await tokenOf(s.store.id, order.id);
    // The token names its store (its first 16 bytes), then 16 random bytes.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(storeOfCustomerToken(token)).toBe(s.store.id);

    let view = await customerOrderByToken(token);
    expect(view.timeline.map((st) => [st.step, st.done])).toEqual([
      ["received", true],
      ["preparing", false],
      ["on_its_way", false],
      ["out_for_delivery", false],
      ["delivered", false],
    ]);
    expect(view.shipment).toBeNull();

    await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
    const label = await issueLabel(
      s.ctx(),
      order.id,
      issueLabelInput.parse({
        branchId: s.branches[0].id,
        carrier: "smsa",
        packages: [{ weightGrams: 500, lengthCm: 10, widthCm: 10, heightCm: 10 }],
        handover: "dropoff",
      }),
      {},
      { adapters: carrierAdapters() },
    );
    // Issuing the label ships the order: now the shipment block appears.
    view = await customerOrderByToken(token);
    expect(view.status).toBe("shipped");
    expect(view.shipment).toEqual({
      carrier: "SMSA Express",
      trackingNumber: label.trackingNumber,
      trackingUrl: expect.stringContaining(label.trackingNumber!),
    });
    expect(view.timeline.filter((st) => st.done).map((st) => st.step)).toEqual(["received", "preparing", "on_its_way"]);
    // Nothing internal: no tags, comments, staff, costs or ids of other things.
    const json = JSON.stringify(view);
    for (const secret of ["cost", "assignee", "comment", "tag", "customerPhone", s.owner.name]) expect(json).not.toContain(secret);
  });

  it("a manual courier: shown by name, with no tracking link; an order canceled early ends with 'canceled'", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
    await transitionOrder(s.ctx(), order.id, { to: "shipped", notifyCustomer: false, shipment: { courierName: "Abu Saad", trackingNumber: "REF-1" } });
    const view = await customerOrderByToken(await tokenOf(s.store.id, order.id));
    expect(view.shipment).toEqual({ carrier: "Abu Saad", trackingNumber: "REF-1", trackingUrl: null });

    const canceled = await seedOrder(s);
    await transitionOrder(s.ctx(), canceled.id, { to: "canceled", notifyCustomer: false });
    const c = await customerOrderByToken(await tokenOf(s.store.id, canceled.id));
    expect(c.timeline.map((st) => [st.step, st.done])).toEqual([
      ["received", true],
      ["canceled", true],
    ]);
  });

  it("a wrong token is not found; the storefront API returns the same shape, and another store's order or customer is a 404", async () => {
    const s = await seedStore();
    const other = await seedStore();
    const order = await seedOrder(s);
    await expect(customerOrderByToken("f".repeat(64))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(customerOrderByToken("../../etc")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const one = await get(oneRoute.GET, s.tokens.STAFF, { orderId: order.id });
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(JSON.parse(JSON.stringify(await customerOrderByToken(await tokenOf(s.store.id, order.id)))));
    const customerId = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).customerId;
    const list = await get(listRoute.GET, s.tokens.STAFF, { customerId });
    expect(list.body.data.map((o: { id: string }) => o.id)).toEqual([order.id]);

    expect((await get(oneRoute.GET, other.tokens.OWNER, { orderId: order.id })).status).toBe(404);
    expect((await get(listRoute.GET, other.tokens.OWNER, { customerId })).status).toBe(404);
    expect((await get(oneRoute.GET, s.tokens.OWNER, { orderId: "not-a-uuid" })).status).toBe(404);
  });

  it("a token is looked for in the store it names: another store's id with the same random part finds nothing; a link made before still opens", async () => {
    const s = await seedStore();
    const other = await seedStore();
    const order = await seedOrder(s);
    const token = await tokenOf(s.store.id, order.id);
    expect((await customerOrderByToken(token)).number).toBe(order.number);
    const random = Buffer.from(token, "base64url").subarray(16);
    const moved = Buffer.concat([uuidBytes(other.store.id), random]).toString("base64url");
    await expect(customerOrderByToken(moved)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A link sent before tokens named their store.
    const legacy = "5e".repeat(32);
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: order.id } }, data: { publicToken: legacy } });
    expect((await customerOrderByToken(legacy)).number).toBe(order.number);

    // API tokens: a new one names its store; one made before (like the demo's) is found by its hash.
    const created = await createApiToken(s.ctx(), { name: "shop", role: "ADMIN" });
    expect((await authenticateApiToken(`Bearer ${created.token}`)).storeId).toBe(s.store.id);
    const forged = `tj_${Buffer.concat([Buffer.from(created.token.slice(3), "base64url").subarray(0, 24), uuidBytes(other.store.id)]).toString("base64url")}`;
    await expect(authenticateApiToken(`Bearer ${forged}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const before = `tj_before_${crypto.randomUUID()}`;
    await db.apiToken.create({ data: { storeId: s.store.id, name: "old", role: "STAFF", tokenHash: hashApiToken(before), prefix: tokenPrefix(before) } });
    expect((await authenticateApiToken(`Bearer ${before}`)).storeId).toBe(s.store.id);
  });

  it("customer SMS carry the order page link", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: true });
    const sms = await db.smsMessage.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id } });
    expect(sms.body).toContain(`/o/${await tokenOf(s.store.id, order.id)}`);
  });
});
