// Every door that moves money, stock or status, hit by many requests at once — each with its own
// idempotency key, as two staff members, two tablets or an integration retrying with new keys would —
// and then the books: ledger = balance, every debit a label or a refund, stock taken and restored once,
// one change per version, limits kept. The doors come from the outsider manifest (tests/support/doors.ts):
// a new door must be raced here or say why it needs no race, or the first test fails.
import { MAX_VIEWS } from "@/server/orders/order-views";
import { previewCatalogImport } from "@/server/catalog/catalog-import";
import { MAX_PENDING_EXPORTS } from "@/server/orders/export-jobs";
import { saveConfirmationSettings } from "@/server/orders/cod-confirmation";
import { DEFAULT_CONFIRMATION_SETTINGS } from "@/server/orders/confirmation-rules";
import twilio from "twilio";
import { createHmac } from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { issueInvoice } from "@/server/tax/tax-documents";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { carrierAdapters, simulatorControl, webhookSecret } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { applyCarrierEvent } from "@/server/shipping/carrier-events";
import { transitionOrder } from "@/server/orders/transition-order";
import { saveReviewSettings } from "@/server/reviews/manage-review-settings";
import { readReviewSettings } from "@/server/reviews/review-settings";
import { sendReviewRequestNow } from "@/server/reviews/review-requests";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { FREE_FAILURES_PER_PAIR } from "@/server/auth/sign-in-throttle";
import { markDemoInstallation } from "@/server/installation/installation-settings";
import { paymentProvider, simulatorKeys } from "@/server/wallet/payment-provider";
import { startTopUp } from "@/server/wallet/top-ups";
import { ACTIONS, ROUTES } from "../support/doors";
import { createEmailToken } from "@/server/accounts/email-tokens";
import { TEST_PASSWORD, orderInput, seedOrder, seedStore, type SeededStore } from "../support/factories";
import { fundWallet } from "../support/wallet";
import { PAYMENT_ROUTES, startRouteServer } from "../support/route-server";

let signedIn: string | null = null;
vi.mock("@/server/auth/session", () => ({
  currentUserId: async () => signedIn,
  currentSession: async () => (signedIn ? { userId: signedIn, sessionId: "00000000-0000-7000-8000-000000000000" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// A form action's redirect after a success (a browser without scripts is sent on): nothing to follow here.
vi.mock("next/navigation", () => ({ redirect: () => undefined }));
// A request's headers, and a cookie jar that has nothing and keeps nothing (the sign-in form's action sets cookies).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-tajer-client-address": "203.0.113.20" }),
  cookies: async () => ({ get: () => undefined, has: () => false, set: () => undefined }),
}));

const APP = path.resolve("src/app");
type Result = { ok: boolean; data?: unknown; error?: { code: string } };
type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const action = async (key: string) => {
  const [file, name] = key.split("#");
  return ((await import(/* @vite-ignore */ path.join(APP, file))) as Record<string, (slug: string, input: unknown) => Promise<Result>>)[name];
};
const route = async (key: string) => {
  const [file, method] = key.split("#");
  return ((await import(/* @vite-ignore */ path.join(APP, file))) as Record<string, Handler>)[method];
};
const call = (handler: Handler, url: string, init: { token?: string; body?: unknown; key?: boolean; method?: string }, params: Record<string, string> = {}) =>
  handler(
    new Request(`http://localhost${url}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        "content-type": "application/json",
        ...(init.key === false ? {} : { "idempotency-key": crypto.randomUUID() }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(params) },
  );
const at = <T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: n }, (_, i) => make(i)));

const adapters = carrierAdapters();
const box = { weightGrams: 800, lengthCm: 30, widthCm: 20, heightCm: 10 };
let payments: Awaited<ReturnType<typeof startRouteServer>>;
beforeAll(async () => {
  payments = await startRouteServer(PAYMENT_ROUTES);
  vi.stubEnv("PUBLIC_URL", payments.base);
  vi.stubEnv("MOYASAR_SECRET_KEY", "");
  await markDemoInstallation();
  simulatorControl.latencyMs = 20;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await payments.close();
});

/** The store's books: ledger = balance, every label debit has a live label or a refund (never both), no label pending. */
async function books(storeId: string) {
  const wallet = await db.wallet.findUniqueOrThrow({ where: { storeId } });
  const entries = await db.walletEntry.findMany({ where: { storeId } });
  const shipments = await db.shipment.findMany({ where: { storeId, kind: "CARRIER" } });
  const refunded = new Set(entries.filter((e) => e.kind === "REFUND" && e.shipmentId).map((e) => e.shipmentId));
  const debits = entries.filter((e) => e.kind === "LABEL");
  const orphan = debits.filter((d) => {
    const s = shipments.find((x) => x.id === d.shipmentId);
    return !s || (["FAILED", "VOIDED"].includes(s.status) ? !refunded.has(s.id) : refunded.has(s.id));
  });
  const liveByOrder = new Map<string, number>();
  for (const s of shipments.filter((x) => !["FAILED", "VOIDED"].includes(x.status))) liveByOrder.set(s.orderId, (liveByOrder.get(s.orderId) ?? 0) + 1);
  return {
    ledgerIsBalance: wallet.balance === entries.reduce((sum, e) => sum + e.amount, 0),
    balanceNotNegative: wallet.balance >= 0,
    orphanDebits: orphan.length,
    twoLiveLabelsOnAnOrder: [...liveByOrder.values()].some((n) => n > 1),
    pending: shipments.filter((s) => s.status === "PENDING" || s.status === "VOIDING").length,
    debits: debits.length,
    refunds: refunded.size,
    balance: wallet.balance,
  };
}
const sound = { ledgerIsBalance: true, balanceNotNegative: true, orphanDebits: 0, twoLiveLabelsOnAnOrder: false, pending: 0 };

async function shop(stock?: Record<string, [number, number, number]>) {
  const s = await seedStore(stock ? { stock } : {});
  await saveCarrierAccount(s.ctx(), { carrier: "aramex", enabled: true });
  await fundWallet(s.ctx(), { amount: 100_000, reference: "race" });
  signedIn = s.owner.id;
  return s;
}
async function packed(s: SeededStore) {
  const order = await seedOrder(s, { payment: { method: "card", status: "paid" } });
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  return order;
}
async function labelled(s: SeededStore) {
  const order = await packed(s);
  const label = await issueLabel(
    s.ctx(),
    order.id,
    issueLabelInput.parse({ branchId: s.branches[0].id, carrier: "aramex", packages: [box], handover: "dropoff" }),
    {},
    { adapters },
  );
  return { order, label };
}
const stockOf = async (s: SeededStore, sku: string) =>
  (
    await db.stockLevel.findUniqueOrThrow({
      where: { storeId_variantId_branchId: { storeId: s.store.id, variantId: s.variants[sku], branchId: s.branches[0].id } },
    })
  ).quantity;
const labelBody = (s: SeededStore) => ({ branchId: s.branches[0].id, carrier: "aramex", packages: [box], handover: "dropoff" });

type Race = { doors: string[]; run: () => Promise<void> };

const RACES: Record<string, Race> = {
  "labels: twelve requests for one order, through the API and the order page at once": {
    doors: ["api/v1/orders/[orderId]/shipments/route.ts#POST", "s/[storeSlug]/orders/_components/label-actions.ts#issueLabelAction"],
    async run() {
      const s = await shop();
      const order = await packed(s);
      const [api, act] = [
        await route("api/v1/orders/[orderId]/shipments/route.ts#POST"),
        await action("s/[storeSlug]/orders/_components/label-actions.ts#issueLabelAction"),
      ];
      const answers = await at<number | string>(12, (i) =>
        i % 2
          ? call(api, `/api/v1/orders/${order.id}/shipments`, { token: s.tokens.STAFF, body: labelBody(s) }, { orderId: order.id }).then((r) => r.status)
          : act(s.store.slug, { orderId: order.id, idempotencyKey: crypto.randomUUID(), ...labelBody(s) }).then((r) => (r.ok ? 201 : r.error!.code)),
      );
      expect(answers.filter((a) => a === 201)).toHaveLength(1);
      expect(
        answers.filter((a) => a !== 201).every((a) => a === 409 || a === "LABEL_IN_PROGRESS" || a === "ORDER_INVALID_TRANSITION"),
        JSON.stringify(answers),
      ).toBe(true);
      expect(await books(s.store.id)).toMatchObject({ ...sound, debits: 1, refunds: 0 });
    },
  },
  "voids: eight at once, through the API and the order page": {
    doors: ["api/v1/shipments/[shipmentId]/void/route.ts#POST", "s/[storeSlug]/orders/_components/label-actions.ts#voidLabelAction"],
    async run() {
      const s = await shop();
      const { order, label } = await labelled(s);
      const [api, act] = [
        await route("api/v1/shipments/[shipmentId]/void/route.ts#POST"),
        await action("s/[storeSlug]/orders/_components/label-actions.ts#voidLabelAction"),
      ];
      const answers = await at<number | string>(8, (i) =>
        i % 2
          ? call(api, `/api/v1/shipments/${label.id}/void`, { token: s.tokens.STAFF, body: {} }, { shipmentId: label.id }).then((r) => r.status)
          : act(s.store.slug, { shipmentId: label.id }).then((r) => (r.ok ? 200 : r.error!.code)),
      );
      expect(answers.filter((a) => a === 200)).toHaveLength(1);
      expect(await books(s.store.id)).toMatchObject({ ...sound, debits: 1, refunds: 1, balance: 100_000 });
      expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).status).toBe("IN_PROGRESS");
    },
  },
  "transitions: ten moves of one order at once (API and order page): one change, stock taken once": {
    doors: ["api/v1/orders/[orderId]/transitions/route.ts#POST", "s/[storeSlug]/orders/[orderId]/actions.ts#executeOrderAction"],
    async run() {
      const s = await shop();
      const order = await seedOrder(s);
      const before = await stockOf(s, "SKU-A");
      const [api, act] = [
        await route("api/v1/orders/[orderId]/transitions/route.ts#POST"),
        await action("s/[storeSlug]/orders/[orderId]/actions.ts#executeOrderAction"),
      ];
      const answers = await at<number | string>(10, (i) =>
        i % 2
          ? call(
              api,
              `/api/v1/orders/${order.id}/transitions`,
              { token: s.tokens.STAFF, body: { to: "in_progress", notifyCustomer: false } },
              { orderId: order.id },
            ).then((r) => r.status)
          : act(s.store.slug, { orderId: order.id, idempotencyKey: crypto.randomUUID(), to: "in_progress", notifyCustomer: false }).then((r) =>
              r.ok ? 200 : r.error!.code,
            ),
      );
      expect(answers.filter((a) => a === 200)).toHaveLength(1);
      const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
      expect([row.status, row.version]).toEqual(["IN_PROGRESS", order.version + 1]);
      expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed" } })).toBe(1);
      expect(await stockOf(s, "SKU-A")).toBe(before - 2);
      // And back: ten cancels at once restore it once.
      await at(10, () =>
        call(api, `/api/v1/orders/${order.id}/transitions`, { token: s.tokens.OWNER, body: { to: "canceled", notifyCustomer: false } }, { orderId: order.id }),
      );
      expect(await stockOf(s, "SKU-A")).toBe(before);
    },
  },
  "refunds: ten partial refunds of one paid order at once: never more than was paid, each one recorded": {
    doors: [],
    async run() {
      const s = await shop();
      const order = await seedOrder(s, { payment: { method: "card", status: "paid" } });
      await transitionOrder(s.ctx(), order.id, { to: "canceled", notifyCustomer: false });
      const api = await route("api/v1/orders/[orderId]/transitions/route.ts#POST");
      const part = Math.floor(order.totals.total / 3);
      const answers = await at(10, () =>
        call(
          api,
          `/api/v1/orders/${order.id}/transitions`,
          { token: s.tokens.OWNER, body: { to: "refunded", refundAmount: part, notifyCustomer: false } },
          { orderId: order.id },
        ).then((r) => r.status),
      );
      const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
      const refunds = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: order.id, type: "order.refunded" } });
      expect(refunds.length).toBe(answers.filter((a) => a === 200).length);
      expect(row.refundedAmount).toBe(part * refunds.length);
      expect(row.refundedAmount).toBeLessThanOrEqual(order.totals.total);
      expect(row.paymentStatus).toBe("PARTIALLY_REFUNDED");
    },
  },
  "bulk: two bulk moves of the same five orders at once: each order moved once, its stock taken once": {
    doors: ["s/[storeSlug]/orders/actions.ts#bulkMoveOrders"],
    async run() {
      const s = await shop();
      const orders = await at(5, () => seedOrder(s));
      const before = await stockOf(s, "SKU-A");
      const bulk = await action("s/[storeSlug]/orders/actions.ts#bulkMoveOrders");
      const results = await at(2, () => bulk(s.store.slug, { orderIds: orders.map((o) => o.id), to: "in_progress", notifyCustomer: false }));
      const moved = results.flatMap((r) => (r.data as { moved: unknown[] }).moved);
      expect(moved).toHaveLength(5);
      expect(await db.orderEvent.count({ where: { storeId: s.store.id, type: "order.status_changed" } })).toBe(5);
      expect(await stockOf(s, "SKU-A")).toBe(before - 10);
    },
  },
  "intake: twelve orders from one new customer at once, each with its own key": {
    doors: ["api/v1/orders/route.ts#POST"],
    async run() {
      const s = await shop();
      const api = await route("api/v1/orders/route.ts#POST");
      const body = orderInput({ phone: "+966555000111" });
      const answers = await at(12, () => call(api, "/api/v1/orders", { token: s.tokens.OWNER, body }).then((r) => r.status));
      expect(answers).toEqual(Array(12).fill(201));
      const orders = await db.order.findMany({ where: { storeId: s.store.id }, select: { number: true, customerId: true } });
      expect(new Set(orders.map((o) => o.customerId)).size).toBe(1);
      const numbers = orders.map((o) => o.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => numbers[0] + i));
    },
  },
  "discounts: eight checkouts redeem one thank-you code at once": {
    doors: ["api/v1/discounts/redeem/route.ts#POST"],
    async run() {
      const s = await shop();
      const { phone, code } = await reviewed(s);
      const api = await route("api/v1/discounts/redeem/route.ts#POST");
      const answers = await at(8, () =>
        call(api, "/api/v1/discounts/redeem", { token: s.tokens.OWNER, body: { code, orderTotal: 100_000, customerPhone: phone } }).then((r) => r.status),
      );
      expect(answers.filter((a) => a === 200)).toHaveLength(1);
      expect(answers.filter((a) => a !== 200).every((a) => a === 409)).toBe(true);
    },
  },
  "review submission: six submissions with two photos each at once: never more than three photos": {
    doors: ["api/public/reviews/[token]/route.ts#POST"],
    async run() {
      const s = await shop();
      const { token, productId } = await reviewed(s, { submit: false });
      const post = await route("api/public/reviews/[token]/route.ts#POST");
      const jpeg = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#888" } })
        .jpeg()
        .toBuffer();
      const answers = await at(6, async () => {
        const form = new FormData();
        form.set("payload", JSON.stringify({ products: [{ productId, rating: 4 }], experience: { rating: 5 } }));
        for (let i = 0; i < 2; i++) form.append(`photos.${productId}`, new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }), "p.jpg");
        return (await post(new Request(`http://localhost/api/public/reviews/${token}`, { method: "POST", body: form }), { params: Promise.resolve({ token }) }))
          .status;
      });
      expect(answers.filter((a) => a === 200)).toHaveLength(1);
      expect(await db.reviewPhoto.count({ where: { storeId: s.store.id } })).toBe(2);
      expect(await db.review.count({ where: { storeId: s.store.id, kind: "PRODUCT" } })).toBe(1);
    },
  },
  "cod confirmation: the customer confirms and declines on the page, replies twice and a person confirms by phone, all at once: one answer counts": {
    doors: [
      "api/public/orders/[token]/confirmation/route.ts#POST",
      "api/webhooks/twilio/inbound/route.ts#POST",
      "s/[storeSlug]/orders/[orderId]/actions.ts#confirmForCustomerAction",
    ],
    async run() {
      const s = await shop();
      await saveConfirmationSettings(s.ctx(), { ...DEFAULT_CONFIRMATION_SETTINGS, ask: "all_cod" });
      for (let round = 0; round < 4; round++) {
        const order = await seedOrder(s);
        await db.smsMessage.updateMany({ where: { storeId: s.store.id, orderId: order.id }, data: { status: "QUEUED" } });
        const { publicToken } = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
        const [page, inbound, phone] = [
          await route("api/public/orders/[token]/confirmation/route.ts#POST"),
          await route("api/webhooks/twilio/inbound/route.ts#POST"),
          await action("s/[storeSlug]/orders/[orderId]/actions.ts#confirmForCustomerAction"),
        ];
        vi.stubEnv("TWILIO_AUTH_TOKEN", "race-auth-token");
        const hookUrl = `${payments.base}/api/webhooks/twilio/inbound`;
        const reply = (body: string, i: number) => {
          const params = { MessageSid: `SMrace${round}${i}`, From: order.customer.phone, To: "+966500000000", Body: body };
          return inbound(
            new Request(hookUrl, {
              method: "POST",
              headers: {
                "content-type": "application/x-www-form-urlencoded",
                "x-twilio-signature": twilio.getExpectedTwilioSignature("race-auth-token", hookUrl, params),
              },
              body: new URLSearchParams(params).toString(),
            }),
            { params: Promise.resolve({}) },
          ).then((r) => r.status);
        };
        const answers = await at<number | string>(6, (i) =>
          i < 2
            ? call(
                page,
                `/api/public/orders/${publicToken}/confirmation`,
                { body: { answer: i ? "cancel" : "confirm" }, key: false },
                { token: publicToken },
              ).then((r) => r.status)
            : i < 4
              ? reply(i === 2 ? "نعم" : "إلغاء", i)
              : phone(s.store.slug, { orderId: order.id }).then((r) => (r.ok ? 200 : r.error!.code)),
        );
        expect(
          answers.every((a) => a === 200 || a === 409 || a === "CONFLICT"),
          String(answers),
        ).toBe(true);
        const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
        const decided = await db.orderEvent.findMany({
          where: { storeId: s.store.id, orderId: order.id, type: { in: ["confirmation.confirmed", "confirmation.declined"] } },
        });
        expect(decided, `round ${round}`).toHaveLength(1);
        expect(row.confirmation).toBe(decided[0].type === "confirmation.confirmed" ? "CONFIRMED" : "DECLINED");
        expect(row.status).toBe(decided[0].type === "confirmation.confirmed" ? "RECEIVED" : "CANCELED");
        expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed" } })).toBe(
          row.status === "CANCELED" ? 1 : 0,
        );
      }
    },
  },
  "cash on delivery: one statement uploaded six times at once, fetched four times at once, a difference settled, a line closed and a statement reversed five times each at once: each once":
    {
      doors: [
        "s/[storeSlug]/cod/statements/route.ts#POST",
        "api/v1/cod/statements/route.ts#POST",
        "api/v1/cod/statements/[statementId]/reversal/route.ts#POST",
        "s/[storeSlug]/cod/actions.ts#fetchStatementsAction",
        "s/[storeSlug]/cod/actions.ts#settleCollectionAction",
        "s/[storeSlug]/cod/actions.ts#settleLineAction",
        "s/[storeSlug]/cod/actions.ts#reverseStatementAction",
      ],
      async run() {
        const s = await shop();
        simulatorControl.remittanceQuirks = false;
        const parcels = [];
        for (let i = 0; i < 3; i++) {
          const order = await seedOrder(s);
          await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
          const label = await issueLabel(
            s.ctx(),
            order.id,
            issueLabelInput.parse({ branchId: s.branches[0].id, carrier: "aramex", packages: [box], handover: "dropoff" }),
            {},
            { adapters },
          );
          await applyCarrierEvent("aramex", { trackingNumber: label.trackingNumber!, status: "delivered" });
          parcels.push((await db.codCollection.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id } }))!);
        }
        const [a, b, c] = parcels;
        const upload = await route("s/[storeSlug]/cod/statements/route.ts#POST");
        const csv = `AWB Number,COD Amount\n${a.trackingNumber},${(a.amount - 100) / 100}\nNOT-OURS,5\nTotal,${(a.amount - 100 + 500) / 100}\n`;
        const api = await route("api/v1/cod/statements/route.ts#POST");
        const lines = [
          { trackingNumber: a.trackingNumber, amount: a.amount - 100 },
          { trackingNumber: "NOT-OURS", amount: 500 },
        ];
        const statuses = await at(6, (i) =>
          (i % 2
            ? upload(
                new Request(`http://localhost/s/${s.store.slug}/cod/statements?carrier=aramex&name=s.csv&reference=RACE-1`, {
                  method: "POST",
                  headers: { "x-tajer-upload": "1", "content-type": "text/csv" },
                  body: csv,
                }),
                { params: Promise.resolve({ storeSlug: s.store.slug }) },
              )
            : call(api, "/api/v1/cod/statements", {
                token: s.tokens.OWNER,
                body: { carrier: "aramex", reference: "RACE-1", statedTotal: a.amount + 400, lines },
              })
          ).then((r) => r.status),
        );
        expect(statuses.sort()).toEqual([200, 200, 200, 200, 200, 201]);
        expect(await db.codStatement.count({ where: { storeId: s.store.id, reference: "RACE-1" } })).toBe(1);
        expect((await db.codCollection.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: a.id } } })).remittances).toBe(1);

        // The carrier's own record of the other two parcels: delivered; four fetches at once pay them in one statement, recorded once.
        for (const p of [b, c]) await db.carrierSimShipment.update({ where: { trackingNumber: p.trackingNumber }, data: { status: "delivered" } });
        const fetch = await action("s/[storeSlug]/cod/actions.ts#fetchStatementsAction");
        await at(4, () => fetch(s.store.slug, { carrier: "aramex" }));
        expect(await db.codStatement.count({ where: { storeId: s.store.id, source: "carrier" } })).toBe(1);
        for (const p of [b, c])
          expect(await db.codCollection.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: p.id } } })).toMatchObject({
            remittances: 1,
            outstanding: 0,
          });

        const settle = await action("s/[storeSlug]/cod/actions.ts#settleCollectionAction");
        const settled = await at(5, (i) => settle(s.store.slug, { id: a.id, note: `fee ${i}` }));
        expect(settled.filter((r) => r.ok)).toHaveLength(1);
        expect(settled.filter((r) => !r.ok).map((r) => r.error?.code)).toEqual(Array(4).fill("CONFLICT"));
        expect(await db.codEntry.count({ where: { storeId: s.store.id, kind: "SETTLEMENT", collectionId: a.id } })).toBe(1);

        const line = await db.codEntry.findFirstOrThrow({ where: { storeId: s.store.id, trackingNumber: "NOT-OURS" } });
        const close = await action("s/[storeSlug]/cod/actions.ts#settleLineAction");
        expect((await at(5, (i) => close(s.store.slug, { id: line.id, note: `refunded ${i}` }))).filter((r) => r.ok)).toHaveLength(1);
        expect(await db.codEntry.count({ where: { storeId: s.store.id, settlesId: line.id } })).toBe(1);

        const statement = await db.codStatement.findFirstOrThrow({ where: { storeId: s.store.id, source: "carrier" } });
        const reverse = await action("s/[storeSlug]/cod/actions.ts#reverseStatementAction");
        const reverseApi = await route("api/v1/cod/statements/[statementId]/reversal/route.ts#POST");
        const reversals = await at(6, (i) =>
          i % 2
            ? reverse(s.store.slug, { id: statement.id, note: `withdrawn ${i}` }).then((r) => r.ok)
            : call(
                reverseApi,
                `/api/v1/cod/statements/${statement.id}/reversal`,
                { token: s.tokens.OWNER, body: { note: "withdrawn" } },
                { statementId: statement.id },
              ).then((r) => r.status === 201),
        );
        expect(reversals.filter(Boolean)).toHaveLength(1);
        expect(await db.codEntry.count({ where: { storeId: s.store.id, statementId: statement.id, kind: "REVERSAL" } })).toBe(2);
        for (const p of [b, c])
          expect(await db.codCollection.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: p.id } } })).toMatchObject({
            remittances: 0,
            outstanding: p.amount,
          });
        simulatorControl.remittanceQuirks = true;
      },
    },
  "hold for review: five people release one held order at once, through the order page: one release": {
    doors: ["s/[storeSlug]/orders/[orderId]/actions.ts#releaseHoldAction"],
    async run() {
      const s = await shop();
      const order = await seedOrder(s);
      await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: order.id } }, data: { heldAt: new Date() } });
      const release = await action("s/[storeSlug]/orders/[orderId]/actions.ts#releaseHoldAction");
      const results = await at(5, () => release(s.store.slug, { orderId: order.id }));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => r.error?.code)).toEqual(Array(4).fill("CONFLICT"));
      expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "order.released" } })).toBe(1);
    },
  },
  "tax invoices: six requests to invoice one order at once, through the API and the order page: one invoice, numbers without gaps": {
    doors: ["api/v1/orders/[orderId]/tax-documents/route.ts#POST", "s/[storeSlug]/orders/[orderId]/actions.ts#issueInvoiceAction"],
    async run() {
      const s = await shop();
      const order = await seedOrder(s, { payment: { method: "card", status: "paid" } } as never);
      const [api, act] = [
        await route("api/v1/orders/[orderId]/tax-documents/route.ts#POST"),
        await action("s/[storeSlug]/orders/[orderId]/actions.ts#issueInvoiceAction"),
      ];
      const answers = await at<number | string>(6, (i) =>
        i % 2
          ? call(api, `/api/v1/orders/${order.id}/tax-documents`, { token: s.tokens.STAFF, body: { kind: "invoice" } }, { orderId: order.id }).then(
              (r) => r.status,
            )
          : act(s.store.slug, { orderId: order.id }).then((r) => (r.ok ? 201 : r.error!.code)),
      );
      expect(answers.filter((a) => a === 201)).toHaveLength(1);
      expect(
        answers.filter((a) => a !== 201).every((a) => a === 409 || a === "ALREADY_INVOICED"),
        JSON.stringify(answers),
      ).toBe(true);
      expect(await db.taxDocument.findMany({ where: { storeId: s.store.id }, select: { number: true, icv: true } })).toEqual([
        { number: "INV-000001", icv: 1 },
      ]);
    },
  },
  "credit notes: eight notes at once against one invoice, together more than it holds: never more than the invoice": {
    doors: ["s/[storeSlug]/orders/[orderId]/actions.ts#issueNoteAction"],
    async run() {
      const s = await shop();
      const order = await seedOrder(s, { payment: { method: "card", status: "paid" } } as never);
      const invoice = await issueInvoice(s.ctx(), order.id);
      const note = await action("s/[storeSlug]/orders/[orderId]/actions.ts#issueNoteAction");
      const part = Math.ceil(invoice.total / 5);
      const results = await at(8, () => note(s.store.slug, { orderId: order.id, kind: "credit_note", amount: part, reason: "returned in part" }));
      const notes = await db.taxDocument.findMany({ where: { storeId: s.store.id, kind: "CREDIT_NOTE" }, orderBy: { icv: "asc" } });
      expect(notes.reduce((sum, n) => sum + n.total, 0)).toBeLessThanOrEqual(invoice.total);
      expect(results.filter((r) => r.ok)).toHaveLength(notes.length);
      expect(notes.length).toBe(Math.floor(invoice.total / part));
      expect(notes.map((n) => n.icv)).toEqual(notes.map((_, i) => i + 2));
    },
  },
  "packing: six tablets that read one order before any packing send it packed at once: one packing, the rest told who packed it": {
    doors: ["s/[storeSlug]/pack/[orderId]/route.ts#POST"],
    async run() {
      const s = await shop();
      const order = await seedOrder(s, { payment: { method: "card", status: "paid" } } as never);
      await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
      const pack = await route("s/[storeSlug]/pack/[orderId]/route.ts#POST");
      const scans = [0, 1].map(() => ({ code: "SKU-A", at: new Date().toISOString() }));
      const answers = await at(6, () =>
        call(pack, `/s/${s.store.slug}/pack/${order.id}`, { body: { lastPackId: null, scans } }, { storeSlug: s.store.slug, orderId: order.id }).then(
          async (r) => [r.status, ((await r.json()) as { error?: { code: string } }).error?.code ?? null],
        ),
      );
      expect(answers.filter(([status]) => status === 201)).toHaveLength(1);
      expect(answers.filter(([status]) => status !== 201)).toEqual(Array(5).fill([409, "CONFLICT"]));
      expect(await db.orderPack.count({ where: { storeId: s.store.id, orderId: order.id } })).toBe(1);
      expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "order.packed" } })).toBe(1);
    },
  },
  "barcodes: one code given to two variants at once, from the Products page and the API: one keeps it, the other is told which": {
    doors: ["s/[storeSlug]/products/actions.ts#setVariantCodesAction", "api/v1/variants/[variantId]/codes/route.ts#PUT"],
    async run() {
      const s = await shop();
      const [act, put] = [
        await action("s/[storeSlug]/products/actions.ts#setVariantCodesAction"),
        await route("api/v1/variants/[variantId]/codes/route.ts#PUT"),
      ];
      const answers = await at(6, (i) => {
        const variantId = s.variants[i % 2 ? "SKU-A" : "SKU-B"];
        return i % 3
          ? act(s.store.slug, { variantId, barcodes: ["6291041500213"] }).then((r) => (r.ok ? "ok" : r.error!.code))
          : call(
              put,
              `/api/v1/variants/${variantId}/codes`,
              { token: s.tokens.ADMIN, body: { barcodes: ["6291041500213"] }, method: "PUT" },
              { variantId },
            ).then((r) => (r.status === 200 ? "ok" : String(r.status)));
      });
      const owners = await db.variantBarcode.findMany({ where: { storeId: s.store.id } });
      expect(owners).toHaveLength(1);
      // Every request for the variant that holds it succeeded (setting what is set is no change); every one for the other was refused.
      const holder = owners[0].variantId;
      answers.forEach((a, i) =>
        expect([i, a]).toEqual([i, s.variants[i % 2 ? "SKU-A" : "SKU-B"] === holder ? "ok" : expect.stringMatching(/^(CONFLICT|409)$/)]),
      );
    },
  },
  "review request now: five presses at once send one request": {
    doors: ["s/[storeSlug]/orders/_components/review-actions.ts#sendReviewRequestNowAction"],
    async run() {
      const s = await shop();
      const order = await delivered(s);
      const send = await action("s/[storeSlug]/orders/_components/review-actions.ts#sendReviewRequestNowAction");
      await at(5, () => send(s.store.slug, { orderId: order.id }));
      expect(await db.smsMessage.count({ where: { storeId: s.store.id, orderId: order.id, event: "review.request" } })).toBe(1);
      expect(await db.discountCode.count({ where: { storeId: s.store.id } })).toBeLessThanOrEqual(1);
    },
  },
  "carrier webhooks: one update delivered six times at once, signed anew each time: one change": {
    doors: ["api/webhooks/carriers/[carrier]/route.ts#POST"],
    async run() {
      const s = await shop();
      const { order, label } = await labelled(s);
      const hook = await route("api/webhooks/carriers/[carrier]/route.ts#POST");
      const secret = await webhookSecret("aramex", {});
      const raw = JSON.stringify({ trackingNumber: label.trackingNumber, status: "out_for_delivery" });
      const answers = await at(6, (i) => {
        const t = Math.floor(Date.now() / 1000) - i;
        const signature = `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${raw}`).digest("hex")}`;
        return hook(
          new Request("http://localhost/api/webhooks/carriers/aramex", { method: "POST", headers: { "x-carrier-signature": signature }, body: raw }),
          { params: Promise.resolve({ carrier: "aramex" }) },
        ).then((r) => r.status);
      });
      expect(answers.every((a) => a === 200)).toBe(true);
      expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "shipment.updated" } })).toBe(1);
      expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed", actorType: "CARRIER" } })).toBe(1);
    },
  },
  "carrier simulator: five presses of 'next step' at once move the parcel forward only": {
    doors: ["s/[storeSlug]/orders/_components/label-actions.ts#advanceSimulatorAction"],
    async run() {
      const s = await shop();
      const { order, label } = await labelled(s);
      const advance = await action("s/[storeSlug]/orders/_components/label-actions.ts#advanceSimulatorAction");
      const webhookServer = await startRouteServer([
        [/^\/api\/webhooks\/carriers\/(?<carrier>[^/]+)$/, "POST", await route("api/webhooks/carriers/[carrier]/route.ts#POST")],
      ]);
      vi.stubEnv("PUBLIC_URL", webhookServer.base);
      try {
        await at(5, () => advance(s.store.slug, { shipmentId: label.id }));
      } finally {
        vi.stubEnv("PUBLIC_URL", payments.base);
        await webhookServer.close();
      }
      const updates = (await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: order.id, type: "shipment.updated" } })).map(
        (e) => (e.data as { status: string }).status,
      );
      expect(new Set(updates).size).toBe(updates.length);
      expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).version).toBeGreaterThan(0);
    },
  },
  "payments: confirmations of one paid top-up at once (the return, the API, the provider's webhook): one credit": {
    doors: [
      "s/[storeSlug]/wallet/actions.ts#confirmTopUpAction",
      "api/v1/wallet/top-ups/[topUpId]/route.ts#GET",
      "api/webhooks/payments/moyasar/route.ts#POST",
    ],
    async run() {
      const s = await shop();
      const before = (await books(s.store.id)).balance;
      const topUp = await startTopUp(s.ctx(), { amount: 25_000 }, await paymentProvider());
      const invoiceId = topUp.checkoutUrl!.split("/").pop()!;
      await db.paymentSimInvoice.update({ where: { id: invoiceId }, data: { status: "paid" } });
      const [confirm, get, hook] = [
        await action("s/[storeSlug]/wallet/actions.ts#confirmTopUpAction"),
        await route("api/v1/wallet/top-ups/[topUpId]/route.ts#GET"),
        await route("api/webhooks/payments/moyasar/route.ts#POST"),
      ];
      const { webhookSecret: secret } = await simulatorKeys();
      await at<unknown>(12, (i) =>
        i % 3 === 0
          ? confirm(s.store.slug, { topUpId: topUp.id })
          : i % 3 === 1
            ? call(get, `/api/v1/wallet/top-ups/${topUp.id}`, { token: s.tokens.OWNER, key: false }, { topUpId: topUp.id })
            : call(hook, "/api/webhooks/payments/moyasar", {
                key: false,
                body: { id: crypto.randomUUID(), type: "payment_paid", secret_token: secret, data: { invoice_id: invoiceId } },
              }),
      );
      expect(await books(s.store.id)).toMatchObject({ ...sound, balance: before + 25_000 });
      expect(await db.walletEntry.count({ where: { storeId: s.store.id, kind: "TOP_UP", reference: { startsWith: "Moyasar" } } })).toBe(1);
    },
  },
  "sign-in: twenty wrong passwords for one account at once are counted one after another": {
    doors: ["api/auth/[...nextauth]/route.ts#POST", "signin/actions.ts#signInAction", "s/[storeSlug]/account/actions.ts#changePasswordAction"],
    async run() {
      const s = await shop();
      await at(20, () => verifyCredentials(s.owner.email, "guess", "203.0.113.40").catch((e) => e));
      expect(await db.signInAttempt.count({ where: { email: s.owner.email, succeeded: false } })).toBeLessThanOrEqual(FREE_FAILURES_PER_PAIR);
      // The sign-in form's own action: the same throttle, the same count.
      const form = await action("signin/actions.ts#signInAction");
      const third = await seedStore();
      const answers = await at(20, () => (form as unknown as (input: unknown) => Promise<Result>)({ email: third.owner.email, password: "guess" }));
      expect(answers.every((a) => !a.ok && ["UNAUTHENTICATED", "RATE_LIMITED"].includes(a.error!.code))).toBe(true);
      expect(answers.some((a) => a.error!.code === "RATE_LIMITED")).toBe(true);
      expect(await db.signInAttempt.count({ where: { email: third.owner.email, succeeded: false } })).toBeLessThanOrEqual(FREE_FAILURES_PER_PAIR);
      const change = await action("s/[storeSlug]/account/actions.ts#changePasswordAction");
      const other = await seedStore();
      signedIn = other.owner.id;
      await at(20, () =>
        (change as unknown as (input: unknown) => Promise<Result>)({
          currentPassword: "guess",
          newPassword: "a-new-password-1",
          confirmPassword: "a-new-password-1",
        }),
      );
      expect(await db.signInAttempt.count({ where: { email: other.owner.email, succeeded: false } })).toBeLessThanOrEqual(FREE_FAILURES_PER_PAIR);
    },
  },
  "accounts: ten sign-ups with one address, ten uses of one link, ten stores at one address, ten reset requests, all at once": {
    doors: [
      "signup/actions.ts#signUpAction",
      "verify-email/actions.ts#verifyEmailAction",
      "reset-password/actions.ts#resetPasswordAction",
      "forgot-password/actions.ts#requestPasswordResetAction",
      "stores/new/actions.ts#createStoreAction",
      "stores/new/actions.ts#resendVerificationAction",
    ],
    async run() {
      const email = `race-${crypto.randomUUID()}@test.test`;
      const call = async (key: string, input: unknown) => ((await action(key)) as unknown as (input: unknown) => Promise<Result>)(input);
      // One account, whichever sign-up came first; the others are told the same and nothing more is made.
      const signUps = await at(10, () =>
        call("signup/actions.ts#signUpAction", { name: "Racer", email, password: "a-long-password", confirmPassword: "a-long-password" }),
      );
      expect(signUps.every((r) => r.ok)).toBe(true);
      expect(await db.user.count({ where: { email } })).toBe(1);
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      // At most three emails an hour to one address, however many ask at once.
      expect(await db.emailMessage.count({ where: { to: email } })).toBeLessThanOrEqual(3);
      // Ten presses of "send the link again" at once: still at most three emails, and one link that works.
      signedIn = user.id;
      const resent = await at(10, () => call("stores/new/actions.ts#resendVerificationAction", {}));
      expect(resent.filter((r) => !r.ok).every((r) => r.error!.code === "RATE_LIMITED")).toBe(true);
      expect(await db.emailMessage.count({ where: { to: email } })).toBeLessThanOrEqual(3);
      expect(await db.emailToken.count({ where: { userId: user.id, purpose: "VERIFY_EMAIL", usedAt: null } })).toBe(1);
      // One link, used ten times at once: it works once.
      const verify = await db.$transaction((tx) => createEmailToken(tx, user.id, "VERIFY_EMAIL"));
      const verified = await at(10, () =>
        call("verify-email/actions.ts#verifyEmailAction", { token: verify }).catch((e: Error) => ({ ok: false, error: { code: e.message } })),
      );
      expect(verified.filter((r) => r.ok)).toHaveLength(1);
      const reset = await db.$transaction((tx) => createEmailToken(tx, user.id, "RESET_PASSWORD"));
      const resets = await at(10, (i) =>
        call("reset-password/actions.ts#resetPasswordAction", { token: reset, password: `a-new-password-${i}`, confirmPassword: `a-new-password-${i}` }),
      );
      expect(resets.filter((r) => r.ok)).toHaveLength(1);
      await at(10, () => call("forgot-password/actions.ts#requestPasswordResetAction", { email }));
      expect(await db.emailMessage.count({ where: { to: email } })).toBeLessThanOrEqual(3);
      // Ten stores asking for one address at once: one store, the others told it is taken.
      const slug = `race-${Date.now().toString(36)}`;
      const stores = await at(10, () =>
        call("stores/new/actions.ts#createStoreAction", { name: "Race", slug, locale: "ar", currency: "SAR", timeZone: "Asia/Riyadh" }),
      );
      expect(stores.filter((r) => r.ok)).toHaveLength(1);
      expect(stores.filter((r) => !r.ok).map((r) => r.error!.code)).toEqual(Array(9).fill("VALIDATION_FAILED"));
      expect(await db.store.count({ where: { slug } })).toBe(1);
    },
  },
  "order views: a person saving many views at once stops at the limit; ten saves of one name make one view": {
    doors: ["s/[storeSlug]/orders/actions.ts#saveOrderViewAction"],
    async run() {
      const s = await seedStore();
      signedIn = s.owner.id;
      const save = await action("s/[storeSlug]/orders/actions.ts#saveOrderViewAction");
      const same = await at(10, () => save(s.store.slug, { name: "Late COD", shared: false, query: { paymentMethod: "cash_on_delivery" }, columns: ["date"] }));
      expect(same.filter((r) => r.ok)).toHaveLength(1);
      expect(same.filter((r) => !r.ok).map((r) => r.error!.code)).toEqual(Array(9).fill("VALIDATION_FAILED"));
      const many = await at(MAX_VIEWS + 5, (i) => save(s.store.slug, { name: `View ${i}`, shared: false, query: {}, columns: [] }));
      expect(many.filter((r) => !r.ok).every((r) => r.error!.code === "CONFLICT")).toBe(true);
      expect(await db.orderView.count({ where: { storeId: s.store.id, ownerId: s.owner.id } })).toBe(MAX_VIEWS);
    },
  },
  "background exports: ten asked at once by one person, at most three wait": {
    doors: ["s/[storeSlug]/orders/actions.ts#requestOrdersExportAction"],
    async run() {
      const s = await seedStore();
      signedIn = s.owner.id;
      const ask = await action("s/[storeSlug]/orders/actions.ts#requestOrdersExportAction");
      const asked = await at(10, () => ask(s.store.slug, { query: { format: "csv" } }));
      expect(asked.filter((r) => r.ok)).toHaveLength(MAX_PENDING_EXPORTS);
      expect(asked.filter((r) => !r.ok).every((r) => r.error!.code === "CONFLICT")).toBe(true);
      expect(await db.fileExport.count({ where: { storeId: s.store.id } })).toBe(MAX_PENDING_EXPORTS);
      expect(await db.job.count({ where: { storeId: s.store.id, kind: "orders.export" } })).toBe(MAX_PENDING_EXPORTS);
    },
  },
  "catalog import: ten applies and a discard at once settle it once; an apply racing an order that takes the same stock never overwrites the take": {
    doors: ["s/[storeSlug]/products/actions.ts#applyCatalogImportAction", "s/[storeSlug]/products/actions.ts#discardCatalogImportAction"],
    async run() {
      const s = await seedStore();
      signedIn = s.owner.id;
      const apply = await action("s/[storeSlug]/products/actions.ts#applyCatalogImportAction");
      const discard = await action("s/[storeSlug]/products/actions.ts#discardCatalogImportAction");
      const riyadh = async () =>
        (
          await db.stockLevel.findUniqueOrThrow({
            where: { storeId_variantId_branchId: { storeId: s.store.id, variantId: s.variants["SKU-A"], branchId: s.branches[0].id } },
          })
        ).quantity;
      const preview = async (quantity: number) =>
        (await previewCatalogImport(s.ctx(), { name: "count.csv", bytes: new TextEncoder().encode(`SKU,Stock: Riyadh\nSKU-A,${quantity}\n`) })).id;
      const first = await preview(40);
      const settled = await Promise.all([
        ...Array.from({ length: 10 }, () => apply(s.store.slug, { importId: first })),
        discard(s.store.slug, { importId: first }),
      ]);
      expect(settled.filter((r) => r.ok)).toHaveLength(1);
      const status = (await db.catalogImport.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: first } } })).status;
      expect(await riyadh()).toBe(status === "APPLIED" ? 40 : 10);
      // A stock count applied while an order takes one of the same item: the order's take is never lost.
      for (let round = 0; round < 4; round++) {
        const before = await riyadh();
        const id = await preview(before + 100);
        const order = await seedOrder(s, { items: [{ sku: "SKU-A", quantity: 1 }] });
        const [applied] = await Promise.all([
          apply(s.store.slug, { importId: id }),
          transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false }),
        ]);
        expect(await riyadh()).toBe(applied.ok ? before + 99 : before - 1);
        if (!applied.ok) expect(applied.error!.code).toBe("CONFLICT");
      }
    },
  },
  "team: ten invitations to one address, one link used ten times, a transfer of ownership racing a removal, all at once": {
    doors: [
      "s/[storeSlug]/settings/team/actions.ts#inviteMemberAction",
      "s/[storeSlug]/settings/team/actions.ts#resendInvitationAction",
      "s/[storeSlug]/settings/team/actions.ts#removeMemberAction",
      "s/[storeSlug]/settings/team/actions.ts#transferOwnershipAction",
      "join/actions.ts#joinWithNewAccountAction",
      "join/actions.ts#acceptInvitationAction",
    ],
    async run() {
      const s = await seedStore();
      const team = "s/[storeSlug]/settings/team/actions.ts";
      signedIn = s.owner.id;
      const email = `invitee-${crypto.randomUUID()}@test.test`;
      const invites = await at(10, async () => (await action(`${team}#inviteMemberAction`))(s.store.slug, { email, role: "STAFF" }));
      // One open invitation, however many asked; no more than three emails an hour to the address.
      expect(invites.filter((r) => !r.ok).every((r) => r.error!.code === "RATE_LIMITED")).toBe(true);
      expect(await db.storeInvitation.count({ where: { storeId: s.store.id, email, acceptedAt: null, revokedAt: null } })).toBe(1);
      expect(await db.emailMessage.count({ where: { to: email } })).toBeLessThanOrEqual(3);
      // The newest email holds the link that works: ten sign-ups through it at once make one account, one member.
      const mail = await db.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
      const link = new URL(mail.text.match(/https?:\/\/\S+\/join\S+/)![0]);
      const joinInput = {
        store: link.searchParams.get("store"),
        token: link.searchParams.get("token"),
        name: "Racer",
        password: "a-long-password",
        confirmPassword: "a-long-password",
      };
      const joins = await at(10, async () =>
        ((await action("join/actions.ts#joinWithNewAccountAction")) as unknown as (i: unknown) => Promise<Result>)(joinInput),
      );
      expect(joins.filter((r) => r.ok)).toHaveLength(1);
      const member = await db.user.findUniqueOrThrow({ where: { email } });
      expect(await db.membership.count({ where: { storeId: s.store.id, userId: member.id } })).toBe(1);
      signedIn = member.id;
      const accepts = await at(5, async () =>
        ((await action("join/actions.ts#acceptInvitationAction")) as unknown as (i: unknown) => Promise<Result>)({
          store: joinInput.store,
          token: joinInput.token,
        }),
      );
      expect(accepts.some((r) => r.ok)).toBe(false);
      // The owner hands the store to the new member while an admin removes that member: one owner, whoever won.
      const admin = await db.user.create({ data: { email: `admin-${crypto.randomUUID()}@test.test`, name: "Admin", passwordHash: "x" } });
      await db.membership.create({ data: { storeId: s.store.id, userId: admin.id, role: "ADMIN" } });
      const transfer = await action(`${team}#transferOwnershipAction`);
      const remove = await action(`${team}#removeMemberAction`);
      // (Each call reads who is signed in as it starts, so the two people's calls can be set up one after another.)
      const raced = await Promise.all([
        ...Array.from({ length: 3 }, () => {
          signedIn = s.owner.id;
          return transfer(s.store.slug, { userId: member.id, password: TEST_PASSWORD });
        }),
        ...Array.from({ length: 3 }, () => {
          signedIn = admin.id;
          return remove(s.store.slug, { userId: member.id });
        }),
      ]);
      const transferred = raced.slice(0, 3).filter((r) => r.ok).length;
      const removed = raced.slice(3).filter((r) => r.ok).length;
      expect(transferred + removed).toBe(1);
      const owners = await db.membership.findMany({ where: { storeId: s.store.id, role: "OWNER" } });
      expect(owners.map((o) => o.userId)).toEqual([transferred ? member.id : s.owner.id]);
      expect(await db.membership.count({ where: { storeId: s.store.id, userId: member.id } })).toBe(transferred ? 1 : 0);
      expect(await db.auditEntry.count({ where: { storeId: s.store.id, action: { in: ["ownership.transferred", "member.removed"] } } })).toBe(1);
    },
  },
};

// Doors that move no money, stock or order status, each with why no race can cost anything there.
const NOT_RACED: Record<string, string> = {
  "s/[storeSlug]/customers/actions.ts#blockCustomerAction": "blocking is one idempotent update (blocked is blocked)",
  "s/[storeSlug]/customers/actions.ts#unblockCustomerAction": "unblocking is one idempotent update",
  "s/[storeSlug]/customers/actions.ts#setCustomerPreferenceAction":
    "one update of the customer's own choices: the last choice stays, and nothing else depends on it",
  "s/[storeSlug]/notification-actions.ts#fetchNotifications": "a read",
  "s/[storeSlug]/notification-actions.ts#markRead": "marking read is idempotent",
  "s/[storeSlug]/orders/_components/label-actions.ts#labelsForOrdersAction": "a read",
  "s/[storeSlug]/orders/_components/tag-actions.ts#addOrderTags": "tags: upserts on unique keys (tests/integration/tags.test.ts)",
  "s/[storeSlug]/orders/_components/tag-actions.ts#removeOrderTag": "removing a tag is idempotent",
  "s/[storeSlug]/orders/_components/team-actions.ts#addCommentAction": "each comment is its own row",
  "s/[storeSlug]/orders/_components/team-actions.ts#editCommentAction": "the last edit wins, by design",
  "s/[storeSlug]/orders/_components/team-actions.ts#deleteCommentAction": "a soft delete, idempotent",
  "s/[storeSlug]/orders/_components/team-actions.ts#assignOrderAction": "the last assignment wins, by design",
  "s/[storeSlug]/reviews/actions.ts#setReviewStatusAction": "moderation: the last decision wins",
  "s/[storeSlug]/reviews/actions.ts#replyToReviewAction": "the last reply wins",
  "s/[storeSlug]/settings/api-tokens/actions.ts#createApiTokenAction": "each token is its own row",
  "s/[storeSlug]/settings/api-tokens/actions.ts#revokeApiTokenAction": "one conditional update (revokedAt is null)",
  "s/[storeSlug]/settings/reviews/actions.ts#saveReviewSettingsAction": "settings: the last save wins",
  "s/[storeSlug]/settings/shipping/actions.ts#saveBranchAction": "the default branch is decided under the store's row lock (shipping-settings tests)",
  "s/[storeSlug]/settings/shipping/actions.ts#branchLifecycleAction": "under the store's row lock (shipping-settings tests)",
  "s/[storeSlug]/settings/shipping/actions.ts#saveCarrierAction": "settings: the last save wins (labels are priced by the platform)",
  "s/[storeSlug]/settings/shipping/actions.ts#saveCourierAction": "settings",
  "s/[storeSlug]/settings/shipping/actions.ts#archiveCourierAction": "settings",
  "s/[storeSlug]/settings/shipping/actions.ts#createBoxAction": "settings",
  "s/[storeSlug]/settings/shipping/actions.ts#deleteBoxAction": "settings",
  "s/[storeSlug]/settings/shipping/actions.ts#saveShippingPreferencesAction": "settings",
  "s/[storeSlug]/settings/shipping/actions.ts#saveLateRulesAction": "settings: one document replaced whole, the last save stays",
  "s/[storeSlug]/settings/shipping/actions.ts#saveCarrierChoiceAction": "settings (one document, replaced whole: the last save wins)",
  "s/[storeSlug]/settings/cod/actions.ts#saveRiskSettingsAction": "settings (one document, replaced whole: the last save wins)",
  "s/[storeSlug]/settings/cod/actions.ts#saveStatementColumnsAction":
    "one carrier's columns written by one jsonb_set: saves of two carriers keep both, of one carrier the last wins",
  "s/[storeSlug]/cod/export/route.ts#GET": "a read",
  "s/[storeSlug]/settings/cod/actions.ts#saveCodTermsAction": "settings (one document, replaced whole: each intake reads it in its own transaction)",
  "s/[storeSlug]/settings/tax/actions.ts#saveTaxProfileAction":
    "settings replaced whole; the stamp key is set once by a conditional update (WHERE publicKey IS NULL), and documents read the profile under the chain's row lock",
  "s/[storeSlug]/orders/[orderId]/actions.ts#replyToCustomerAction":
    "each message is its own row, sent once by its own job (two people writing at once send two messages, as they meant)",
  "s/[storeSlug]/settings/cod/actions.ts#saveConfirmationSettingsAction":
    "settings (one document, replaced whole: an order is given its wait when placed, and its deadline reads the rule under the order's lock)",
  "s/[storeSlug]/orders/actions.ts#deleteOrderViewAction": "one conditional delete: a second is not found",
  "s/[storeSlug]/settings/shipping/actions.ts#packagingEmailAction": "writes nothing",
  "s/[storeSlug]/settings/sms/actions.ts#saveSmsSettings": "settings",
  "s/[storeSlug]/settings/sms/actions.ts#rotateSmsWebhookSecret": "the last secret wins",
  "s/[storeSlug]/settings/refunds/actions.ts#saveRefundSettingsAction": "settings (the limit is read in each refund's own transaction)",
  "s/[storeSlug]/settings/tags/actions.ts#updateTagAction": "names are unique per store (a race gets the conflict)",
  "s/[storeSlug]/settings/tags/actions.ts#deleteTagAction": "idempotent",
  "s/[storeSlug]/wallet/actions.ts#startTopUpAction": "moves no money: each start is its own pending top-up; money moves on confirmation (raced above)",
  "s/[storeSlug]/wallet/actions.ts#setLowBalanceThresholdAction": "settings",
  "s/[storeSlug]/wallet/actions.ts#setAdminsMayTopUpAction": "settings (read in each top-up's own check)",
  "api/auth/[...nextauth]/route.ts#GET": "pages and the CSRF token",
  "api/public/review-photos/[photoId]/route.ts#GET": "a read",
  "api/public/stores/[slug]/reviews/route.ts#GET": "a read",
  "api/public/stores/[slug]/reviews/route.ts#OPTIONS": "CORS",
  "api/v1/openapi.json/route.ts#GET": "a read",
  "api/health/route.ts#GET": "a read of nothing: the app server answers",
  "api/webhooks/twilio/status/route.ts#POST": "an SMS's delivery status only moves forward (sms tests)",
  "payments-sim/v1/invoices/route.ts#POST": "the payment simulator's own record (its payments decide under a row lock)",
  "payments-sim/v1/invoices/[invoiceId]/route.ts#GET": "the simulator: a read",
  "payments-sim/i/[invoiceId]/pay/route.ts#POST": "the simulator: an invoice is paid once, under its row lock",
  "payments-sim/3ds/[invoiceId]/confirm/route.ts#POST": "the simulator: an invoice is paid once, under its row lock",
  "widget/reviews.js/route.ts#GET": "a read",
  "api/v1/branches/route.ts#GET": "a read",
  "api/v1/branches/[branchId]/pickup-slots/route.ts#GET": "a read",
  "api/v1/carriers/route.ts#GET": "a read",
  "api/v1/orders/route.ts#GET": "a read",
  "api/v1/wallet/route.ts#GET": "a read",
  "api/v1/wallet/transactions/route.ts#GET": "a read",
  "api/v1/wallet/top-ups/route.ts#POST": "moves no money: each start is its own pending top-up; money moves on confirmation (raced above)",
  "api/v1/rates/route.ts#POST": "a quote: writes nothing",
  "api/v1/customers/[customerId]/block/route.ts#POST": "an idempotent update",
  "api/v1/customers/[customerId]/unblock/route.ts#POST": "an idempotent update",
  "api/v1/customers/[customerId]/risk/route.ts#GET": "a read",
  "api/v1/cod/route.ts#GET": "a read",
  "api/v1/storefront/payment-options/route.ts#GET": "a read",
  "api/v1/orders/[orderId]/route.ts#GET": "a read",
  "api/v1/orders/[orderId]/assignee/route.ts#POST": "the last assignment wins, by design",
  "api/v1/orders/[orderId]/comments/route.ts#POST": "each comment is its own row",
  "api/v1/orders/[orderId]/events/route.ts#GET": "a read",
  "api/v1/orders/[orderId]/tags/route.ts#POST": "upserts on unique keys",
  "api/v1/orders/[orderId]/tags/[tag]/route.ts#DELETE": "idempotent",
  "api/v1/shipments/[shipmentId]/label/route.ts#GET": "a read (the PDF)",
  "api/v1/orders/[orderId]/tax-documents/route.ts#GET": "a read",
  "api/v1/tax-documents/[documentId]/route.ts#GET": "a read (the PDF or XML of an issued, immutable document)",
  "api/v1/addresses/[shortAddress]/route.ts#GET": "a read (the national address service)",
  "s/[storeSlug]/tax-documents/route.ts#GET": "a read (the PDF)",
  "s/[storeSlug]/papers/pick-list/route.ts#GET": "a read (the PDF)",
  "s/[storeSlug]/papers/packing-slips/route.ts#GET": "a read (the PDF)",
  "s/[storeSlug]/tax-documents/[documentId]/route.ts#GET": "a read (the PDF or XML)",
  "o/[token]/documents/[documentId]/route.ts#GET": "a read (the customer's PDF or XML)",
  "api/v1/storefront/orders/[orderId]/route.ts#GET": "a read",
  "api/v1/storefront/customers/[customerId]/orders/route.ts#GET": "a read",
  "s/[storeSlug]/labels/route.ts#GET": "a read (the PDF)",
  "s/[storeSlug]/live/route.ts#GET": "a stream",
  "s/[storeSlug]/review-photos/[photoId]/route.ts#GET": "a read",
  "s/[storeSlug]/wallet/export.csv/route.ts#GET": "a read",
  "s/[storeSlug]/orders/export/route.ts#GET": "a read (the export)",
  "api/v1/orders/export/route.ts#GET": "a read (the export)",
  "s/[storeSlug]/products/export/route.ts#GET": "a read (the catalog)",
  "s/[storeSlug]/orders/exports/[exportId]/route.ts#GET": "a read (a prepared file)",
  "s/[storeSlug]/products/import/upload/route.ts#POST": "writes only its own preview row; the catalog changes on apply (raced above)",
  "s/[storeSlug]/pack/queue/route.ts#GET": "a read",
  "s/[storeSlug]/pack/lookup/route.ts#GET": "a read",
  "s/[storeSlug]/pack-photos/[packId]/route.ts#GET": "a read",
  "api/v1/variants/[variantId]/codes/route.ts#GET": "a read",
  "vendor/zxing_reader.wasm/route.ts#GET": "a file read, the same for everyone",
  "s/[storeSlug]/settings/team/actions.ts#revokeInvitationAction": "under the team's lock; revoking a revoked invitation is refused, nothing else changes",
  "s/[storeSlug]/settings/team/actions.ts#changeMemberRoleAction": "under the team's lock: the last role chosen stays, and the owner is never touched",
  "s/[storeSlug]/settings/team/actions.ts#setOnlyAssignedAction": "under the team's lock: the last choice stays",
};

/** A delivered order with its review request sent (and answered, with its thank-you code). */
async function delivered(s: SeededStore) {
  await saveReviewSettings(s.ctx(), readReviewSettings({ quietHours: null, discount: { kind: "percent", percent: 10, validityDays: 30, minOrder: 0 } }));
  const order = await seedOrder(s, { name: "Race Customer" });
  for (const to of ["in_progress", "shipped", "delivered"] as const)
    await transitionOrder(s.ctx(), order.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "x" } } : {}) });
  return order;
}
async function reviewed(s: SeededStore, options: { submit?: boolean } = {}) {
  const order = await delivered(s);
  await sendReviewRequestNow(s.ctx(), order.id);
  const request = await db.reviewRequest.findUniqueOrThrow({ where: { storeId_orderId: { storeId: s.store.id, orderId: order.id } } });
  const item = await db.orderItem.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id }, include: { variant: true } });
  if (options.submit !== false) {
    const post = await route("api/public/reviews/[token]/route.ts#POST");
    const form = new FormData();
    form.set("payload", JSON.stringify({ products: [{ productId: item.variant!.productId, rating: 5 }], experience: { rating: 5 } }));
    expect(
      (
        await post(new Request(`http://localhost/api/public/reviews/${request.token}`, { method: "POST", body: form }), {
          params: Promise.resolve({ token: request.token }),
        })
      ).status,
    ).toBe(200);
  }
  const code = (await db.discountCode.findFirst({ where: { storeId: s.store.id, requestId: request.id } }))?.code ?? "";
  return { token: request.token, productId: item.variant!.productId, phone: order.customer.phone, code };
}

describe("races at every door that moves money, stock or status", () => {
  it("every door of the manifest is raced here, or says why it needs no race", () => {
    const doors = [...Object.keys(ACTIONS), ...Object.keys(ROUTES)];
    const raced = new Set(Object.values(RACES).flatMap((r) => r.doors));
    expect(
      doors.filter((d) => !raced.has(d) && !(d in NOT_RACED)),
      "doors with no race and no reason",
    ).toEqual([]);
    expect(
      [...raced, ...Object.keys(NOT_RACED)].filter((d) => !doors.includes(d)),
      "stale entries",
    ).toEqual([]);
    expect(
      [...raced].filter((d) => d in NOT_RACED),
      "both raced and excused",
    ).toEqual([]);
  });

  for (const [name, race] of Object.entries(RACES)) it(name, () => race.run(), 60_000);
});
