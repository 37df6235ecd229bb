// Random and hostile payloads at every API endpoint that takes a body: wrong types, huge strings,
// negative and huge numbers, unicode, SQL and HTML fragments, missing and extra fields. Never a 5xx;
// always the one error shape (with the fields named when it is the input's fault); nothing written.
import fc from "fast-check";
import { hostileValue, near, poisoned } from "../support/hostile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYMENT_ROUTES, startRouteServer } from "../support/route-server";
import { db } from "@/server/db/client";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { fundWallet } from "../support/wallet";
import { transitionOrder } from "@/server/orders/transition-order";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

let s: SeededStore;
let orderId: string;
let customerId: string;
let payments: Awaited<ReturnType<typeof startRouteServer>>;
afterAll(() => payments.close());
beforeAll(async () => {
  // A valid top-up reaches the payment provider (its simulator, over HTTP) like any other.
  payments = await startRouteServer(PAYMENT_ROUTES);
  process.env.PUBLIC_URL = payments.base;
  s = await seedStore();
  await saveCarrierAccount(s.ctx(), { carrier: "aramex", enabled: true });
  await fundWallet(s.ctx(), { amount: 10_000, reference: "t" });
  const order = await seedOrder(s);
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  orderId = order.id;
  customerId = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).customerId;
});

const ENDPOINTS: { name: string; load: () => Promise<{ POST: Handler }>; params: () => Record<string, string>; shape: () => Record<string, unknown> }[] = [
  {
    name: "POST /orders",
    load: () => import("@/app/api/v1/orders/route"),
    params: () => ({}),
    shape: () => ({
      customer: { name: "A", phone: "0501234567" },
      items: [{ sku: "SKU-1", quantity: 1 }],
      payment: { method: "mada" },
      shipping: { city: "x", address: "y", method: "z", fee: 0 },
    }),
  },
  {
    name: "POST /orders/{id}/transitions",
    load: () => import("@/app/api/v1/orders/[orderId]/transitions/route"),
    params: () => ({ orderId }),
    shape: () => ({ to: "shipped", customerNote: "x", notifyCustomer: true }),
  },
  {
    name: "POST /orders/{id}/comments",
    load: () => import("@/app/api/v1/orders/[orderId]/comments/route"),
    params: () => ({ orderId }),
    shape: () => ({ body: "x" }),
  },
  {
    name: "POST /orders/{id}/tags",
    load: () => import("@/app/api/v1/orders/[orderId]/tags/route"),
    params: () => ({ orderId }),
    shape: () => ({ tags: ["x"] }),
  },
  {
    name: "POST /orders/{id}/assignee",
    load: () => import("@/app/api/v1/orders/[orderId]/assignee/route"),
    params: () => ({ orderId }),
    shape: () => ({ userId: null }),
  },
  {
    name: "POST /orders/{id}/shipments",
    load: () => import("@/app/api/v1/orders/[orderId]/shipments/route"),
    params: () => ({ orderId }),
    shape: () => ({ branchId: s.branches[0].id, carrier: "aramex", packages: [{ weightGrams: 1, lengthCm: 1, widthCm: 1, heightCm: 1 }], handover: "dropoff" }),
  },
  {
    name: "POST /customers/{id}/block",
    load: () => import("@/app/api/v1/customers/[customerId]/block/route"),
    params: () => ({ customerId }),
    shape: () => ({ reason: "xyz" }),
  },
  {
    name: "POST /rates",
    load: () => import("@/app/api/v1/rates/route"),
    params: () => ({}),
    shape: () => ({ packages: [{ weightGrams: 1, lengthCm: 1, widthCm: 1, heightCm: 1 }] }),
  },
  { name: "POST /wallet/top-ups", load: () => import("@/app/api/v1/wallet/top-ups/route"), params: () => ({}), shape: () => ({ amount: 1000 }) },
  {
    name: "POST /discounts/redeem",
    load: () => import("@/app/api/v1/discounts/redeem/route"),
    params: () => ({}),
    shape: () => ({ code: "THX-22222222", orderTotal: 1, customerPhone: "0501234567" }),
  },
];

/** What an accepted write would change: counts and the wallet. */
async function written() {
  const id = s.store.id;
  const [orders, events, shipments, entries, comments, tags, refusals, wallet] = await Promise.all([
    db.order.count({ where: { storeId: id } }),
    db.orderEvent.count({ where: { storeId: id } }),
    db.shipment.count({ where: { storeId: id } }),
    db.walletEntry.count({ where: { storeId: id } }),
    db.orderComment.count({ where: { storeId: id } }),
    db.orderTag.count({ where: { storeId: id } }),
    db.intakeRefusal.count({ where: { storeId: id } }),
    db.wallet.findUniqueOrThrow({ where: { storeId: id } }),
  ]);
  return { orders, events, shipments, entries, comments, tags, refusals, balance: wallet.balance };
}

// Every GET that reads a query string, with hostile values in its parameters (and in unknown ones).
const QUERIES: {
  name: string;
  load: () => Promise<{ GET: Handler }>;
  path: () => string;
  params: () => Record<string, string>;
  keys: string[];
  public?: true;
}[] = [
  {
    name: "GET /orders",
    load: () => import("@/app/api/v1/orders/route"),
    path: () => "/api/v1/orders",
    params: () => ({}),
    keys: ["status", "q", "tag", "cursor", "limit", "assignee", "from", "to", "branch", "payment"],
  },
  {
    name: "GET /wallet/transactions",
    load: () => import("@/app/api/v1/wallet/transactions/route"),
    path: () => "/api/v1/wallet/transactions",
    params: () => ({}),
    keys: ["kind", "from", "to", "cursor", "limit"],
  },
  {
    name: "GET /branches/{id}/pickup-slots",
    load: () => import("@/app/api/v1/branches/[branchId]/pickup-slots/route"),
    path: () => `/api/v1/branches/${s.branches[0].id}/pickup-slots`,
    params: () => ({ branchId: s.branches[0].id }),
    keys: ["carrier"],
  },
  {
    name: "GET /public/stores/{slug}/reviews",
    load: () => import("@/app/api/public/stores/[slug]/reviews/route") as unknown as Promise<{ GET: Handler }>,
    path: () => `/api/public/stores/${s.store.slug}/reviews`,
    params: () => ({ slug: s.store.slug }),
    keys: ["product", "cursor", "limit"],
    public: true,
  },
];
const queryValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("\u0000", "a\u0000b", "0000-01-01", "99999-01-01", "2147483648", "-2147483649", "1e308", "NaN", "-1", "'; DROP TABLE orders; --", "%00"),
);

describe("hostile query strings", () => {
  for (const q of QUERIES) {
    it(`${q.name}: never a 5xx, always the error shape`, async () => {
      const { GET } = await q.load();
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.oneof(fc.constantFrom(...q.keys), fc.string({ maxLength: 8 })), queryValue, { maxKeys: 4 }), async (params) => {
          const url = new URL(`http://localhost${q.path()}`);
          for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
          const response = await GET(new Request(url, { headers: q.public ? {} : { authorization: `Bearer ${s.tokens.OWNER}` } }), {
            params: Promise.resolve(q.params()),
          });
          expect(response.status, url.search).toBeLessThan(500);
          if (response.status >= 400) expect(Object.keys(await response.json())).toEqual(["error"]);
        }),
        { numRuns: 40, seed: 20261130 },
      );
      // Each parameter in turn: NUL, a year no order lives in, a number past the columns.
      for (const key of q.keys) {
        for (const value of ["a\u0000b", "0000-01-01", "99999-01-01T00:00:00Z", "2147483648"]) {
          const url = new URL(`http://localhost${q.path()}`);
          url.searchParams.set(key, value);
          const response = await GET(new Request(url, { headers: q.public ? {} : { authorization: `Bearer ${s.tokens.OWNER}` } }), {
            params: Promise.resolve(q.params()),
          });
          expect(response.status, `${key}=${JSON.stringify(value)}`).toBeLessThan(500);
        }
      }
    });
  }
});

describe("hostile input", () => {
  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.name}: never a 5xx, always the error shape, nothing written`, async () => {
      const { POST } = await endpoint.load();
      await fc.assert(
        fc.asyncProperty(fc.oneof(near(endpoint.shape()), hostileValue), fc.boolean(), async (payload, raw) => {
          const before = await written();
          const body = raw && typeof payload === "string" ? payload : JSON.stringify(payload);
          const response = await POST(
            new Request("http://localhost/api", {
              method: "POST",
              headers: { authorization: `Bearer ${s.tokens.OWNER}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
              body,
            }),
            { params: Promise.resolve(endpoint.params()) },
          );
          expect(response.status).toBeLessThan(500);
          const json = await response.json();
          if (response.status >= 400) {
            expect(Object.keys(json)).toEqual(["error"]);
            expect(typeof json.error.code).toBe("string");
            expect(typeof json.error.message).toBe("string");
            if (json.error.code === "VALIDATION_FAILED" || json.error.code === "MALFORMED_REQUEST")
              expect(Object.keys(json.error.fields ?? {}).length).toBeGreaterThan(0);
            expect(await written()).toEqual(before);
          }
        }),
        { numRuns: 40, seed: 20261126 },
      );
    });

    it(`${endpoint.name}: text Postgres cannot store, or a number past its columns, is a 422 naming the field`, async () => {
      const { POST } = await endpoint.load();
      for (const { path, payload } of poisoned(endpoint.shape())) {
        const before = await written();
        const response = await POST(
          new Request("http://localhost/api", {
            method: "POST",
            headers: { authorization: `Bearer ${s.tokens.OWNER}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
            body: JSON.stringify(payload),
          }),
          { params: Promise.resolve(endpoint.params()) },
        );
        expect(response.status, `${path}: ${JSON.stringify(payload)}`).toBe(422);
        expect(Object.keys((await response.json()).error.fields ?? {}), path).toContain(path);
        expect(await written()).toEqual(before);
      }
    });
  }
});
