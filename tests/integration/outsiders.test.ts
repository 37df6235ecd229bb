// Outsiders, from a manifest of every server action and route handler: another store's user and API
// token get "not found" (never "forbidden", which would confirm the thing exists), and the victim store's
// data is byte-for-byte unchanged. A new action or route without an entry here fails the first test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ACTIONS, fingerprint, seedDoorsStore, type Victim } from "../support/doors";
import { seedStore, type SeededStore } from "../support/factories";

let signedIn: string | null = null;
vi.mock("@/server/auth/session", () => ({
  currentUserId: async () => signedIn,
  currentSession: async () => (signedIn ? { userId: signedIn, sessionId: "00000000-0000-7000-8000-000000000000" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The request a server action runs in: the client's address as the app's server hands it over.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-tajer-client-address": "203.0.113.10" }) }));

type RouteCase = { params: (v: Victim) => Record<string, string>; body?: (v: Victim) => unknown; expect: 404 | "own-data" | "public" };

const ROOT = path.resolve("src/app");
const ids = (v: Victim) => ({ orderId: v.orderId });

// Every route handler and method. "own-data": a collection of the caller's own store (checked to hold
// none of the victim's); "public": keyed by a token or signature instead of a store (tested elsewhere).
const ROUTES: Record<string, RouteCase> = {
  "api/auth/[...nextauth]/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/auth/[...nextauth]/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/public/review-photos/[photoId]/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/public/reviews/[token]/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/public/stores/[slug]/reviews/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/public/stores/[slug]/reviews/route.ts#OPTIONS": { params: () => ({}), expect: "public" },
  "api/v1/openapi.json/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/webhooks/carriers/[carrier]/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/webhooks/twilio/status/route.ts#POST": { params: () => ({}), expect: "public" },
  "api/webhooks/payments/moyasar/route.ts#POST": { params: () => ({}), expect: "public" },
  // The payment simulator: keyed by its own secret key and random invoice ids (tests/integration/top-ups.test.ts).
  "payments-sim/v1/invoices/route.ts#POST": { params: () => ({}), expect: "public" },
  "payments-sim/v1/invoices/[invoiceId]/route.ts#GET": { params: () => ({}), expect: "public" },
  "payments-sim/i/[invoiceId]/pay/route.ts#POST": { params: () => ({}), expect: "public" },
  "payments-sim/3ds/[invoiceId]/confirm/route.ts#POST": { params: () => ({}), expect: "public" },
  "widget/reviews.js/route.ts#GET": { params: () => ({}), expect: "public" },
  "api/v1/branches/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/carriers/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/orders/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/orders/route.ts#POST": { params: () => ({}), expect: "own-data" },
  "api/v1/wallet/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/wallet/transactions/route.ts#GET": { params: () => ({}), expect: "own-data" },
  "api/v1/wallet/top-ups/route.ts#POST": { params: () => ({}), expect: "own-data" },
  "api/v1/wallet/top-ups/[topUpId]/route.ts#GET": { params: (v) => ({ topUpId: v.topUpId }), expect: 404 },
  "api/v1/rates/route.ts#POST": { params: () => ({}), body: (v) => ({ packages: [{ weightGrams: 100, lengthCm: 1, widthCm: 1, heightCm: 1 }], orderId: v.orderId }), expect: 404 },
  "api/v1/discounts/redeem/route.ts#POST": { params: () => ({}), body: () => ({ code: "THX-VICTIM22", orderTotal: 100_000, customerPhone: "+966500000001" }), expect: 404 },
  "api/v1/branches/[branchId]/pickup-slots/route.ts#GET": { params: (v) => ({ branchId: v.branchId }), expect: 404 },
  "api/v1/customers/[customerId]/block/route.ts#POST": { params: (v) => ({ customerId: v.customerId }), body: () => ({ reason: "never answers" }), expect: 404 },
  "api/v1/customers/[customerId]/unblock/route.ts#POST": { params: (v) => ({ customerId: v.customerId }), expect: 404 },
  "api/v1/orders/[orderId]/route.ts#GET": { params: ids, expect: 404 },
  "api/v1/orders/[orderId]/assignee/route.ts#POST": { params: ids, body: () => ({ userId: null }), expect: 404 },
  "api/v1/orders/[orderId]/comments/route.ts#POST": { params: ids, body: () => ({ body: "x" }), expect: 404 },
  "api/v1/orders/[orderId]/events/route.ts#GET": { params: ids, expect: 404 },
  "api/v1/orders/[orderId]/shipments/route.ts#POST": {
    params: ids,
    body: (v) => ({ branchId: v.branchId, carrier: "aramex", packages: [{ weightGrams: 100, lengthCm: 1, widthCm: 1, heightCm: 1 }], handover: "dropoff" }),
    expect: 404,
  },
  "api/v1/orders/[orderId]/tags/route.ts#POST": { params: ids, body: () => ({ tags: ["x"] }), expect: 404 },
  "api/v1/orders/[orderId]/tags/[tag]/route.ts#DELETE": { params: (v) => ({ ...ids(v), tag: "vip" }), expect: 404 },
  "api/v1/orders/[orderId]/transitions/route.ts#POST": { params: ids, body: () => ({ to: "canceled" }), expect: 404 },
  "api/v1/shipments/[shipmentId]/label/route.ts#GET": { params: (v) => ({ shipmentId: v.shipmentId }), expect: 404 },
  "api/v1/shipments/[shipmentId]/void/route.ts#POST": { params: (v) => ({ shipmentId: v.shipmentId }), expect: 404 },
  "api/v1/storefront/orders/[orderId]/route.ts#GET": { params: ids, expect: 404 },
  "api/v1/storefront/customers/[customerId]/orders/route.ts#GET": { params: (v) => ({ customerId: v.customerId }), expect: 404 },
  // Dashboard handlers (session, not token): the victim's slug is not found.
  "s/[storeSlug]/labels/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404 },
  "s/[storeSlug]/live/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404 },
  "s/[storeSlug]/review-photos/[photoId]/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug, photoId: v.photoId }), expect: 404 },
  "s/[storeSlug]/wallet/export.csv/route.ts#GET": { params: (v) => ({ storeSlug: v.s.store.slug }), expect: 404 },
};

function files(dir: string, match: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full, match) : match(full) ? [full] : [];
  });
}
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");

let victim: Victim;
let outsider: SeededStore;

beforeAll(async () => {
  process.env.REVIEW_PHOTOS_DIR = path.join("/tmp", `tajer-outsider-${process.pid}`);
  victim = await seedDoorsStore();
  outsider = await seedStore();
});

describe("outsiders", () => {
  it("every server action and every route handler has an entry in this manifest", async () => {
    const actionFiles = files(ROOT, (f) => /\.tsx?$/.test(f) && readFileSync(f, "utf8").startsWith('"use server"'));
    const actions = actionFiles.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export async function (\w+)/g)].map((m) => `${rel(f)}#${m[1]}`));
    const routes = files(ROOT, (f) => f.endsWith("route.ts")).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((m) => `${rel(f)}#${m[1]}`));
    const nextAuth = "api/auth/[...nextauth]/route.ts";
    const found = [...actions, ...routes, ...(routes.some((r) => r.startsWith(nextAuth)) ? [] : [`${nextAuth}#GET`, `${nextAuth}#POST`])];
    expect(found.filter((k) => !(k in ACTIONS) && !(k in ROUTES)), "missing from the outsider manifest").toEqual([]);
    expect(Object.keys({ ...ACTIONS, ...ROUTES }).filter((k) => !found.includes(k)), "stale manifest entries").toEqual([]);
  });

  it("server actions: the victim's slug is not found, and the outsider's own slug with the victim's ids changes nothing of the victim", async () => {
    const before = await fingerprint(victim.s.store.id);
    signedIn = outsider.owner.id;
    for (const [key, c] of Object.entries(ACTIONS)) {
      const [file, name] = key.split("#");
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (slug: string, input?: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>;
      if (c.self) {
        await (mod[name] as unknown as (input: unknown) => Promise<unknown>)(c.input(victim));
        continue;
      }
      const onVictim = await mod[name](victim.s.store.slug, c.input(victim));
      expect(onVictim, key).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      if (c.crossIds) {
        const crossed = await mod[name](outsider.store.slug, c.input(victim));
        expect(crossed.ok ? "ok" : crossed.error?.code, `${key} with the victim's ids`).toBe("NOT_FOUND");
      }
    }
    expect(await fingerprint(victim.s.store.id)).toEqual(before);
  });

  it("route handlers: another store's token (or user) gets 404 for the victim's things, and its own collections hold none of them", async () => {
    const before = await fingerprint(victim.s.store.id);
    signedIn = outsider.owner.id;
    for (const [key, c] of Object.entries(ROUTES)) {
      if (c.expect === "public") continue;
      const [file, method] = key.split("#");
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
      const params = c.params(victim);
      const url = new URL(`http://localhost/${file.replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, (_, p: string) => params[p] ?? p)}`);
      if (file.startsWith("s/")) url.searchParams.set("ids", victim.shipmentId);
      const body = c.body?.(victim) ?? (c.expect === "own-data" && method === "POST" ? {} : undefined);
      const response = await mod[method](
        new Request(url, {
          method,
          headers: { authorization: `Bearer ${outsider.tokens.OWNER}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
        { params: Promise.resolve(params) },
      );
      const text = await response.text();
      if (c.expect === 404) expect(response.status, key).toBe(404);
      else {
        expect(response.status, key).toBeLessThan(500);
        for (const secret of [victim.orderId, victim.customerId, victim.shipmentId, victim.branchId]) expect(text, key).not.toContain(secret);
      }
    }
    expect(await fingerprint(victim.s.store.id)).toEqual(before);
  });
});
