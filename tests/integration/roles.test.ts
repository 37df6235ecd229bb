// Roles, from a table of (capability × role): each role can do exactly what it should, through the same
// server actions the pages use. The permission table itself is unit-tested; this proves the doors use it.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { transitionOrder } from "@/server/orders/transition-order";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";
import { PAYMENT_ROUTES, startRouteServer } from "../support/route-server";

let signedIn: string | null = null;
vi.mock("@/server/auth/session", () => ({
  currentUserId: async () => signedIn,
  currentSession: async () => (signedIn ? { userId: signedIn, sessionId: "00000000-0000-7000-8000-000000000000" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// A form action's redirect after a success (a browser without scripts is sent on): nothing to follow here.
vi.mock("next/navigation", () => ({ redirect: () => undefined }));
// The request a server action runs in: the client's address as the app's server hands it over.
// A request's headers, and a cookie jar that has nothing and keeps nothing (the sign-in form's action sets cookies).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-tajer-client-address": "203.0.113.10" }),
  cookies: async () => ({ get: () => undefined, has: () => false, set: () => undefined }),
}));

type Role = "OWNER" | "ADMIN" | "STAFF";
type Fixture = { s: SeededStore; orderId: string; deliveredId: string; customerId: string; paidCanceledId: string; ownerTokenId: string };
type Capability = { name: string; allowed: Role[]; run: (f: Fixture) => Promise<{ ok: boolean; error?: { code: string } }> };

const mod = async <T>(file: string) => (await import(/* @vite-ignore */ path.resolve("src/app/s/[storeSlug]", file))) as T;
type Action = (slug: string, input?: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
const call = (file: string, name: string, input: (f: Fixture) => unknown) => async (f: Fixture) =>
  (await mod<Record<string, Action>>(file))[name](f.s.store.slug, input(f));

const CAPABILITIES: Capability[] = [
  { name: "top up the wallet", allowed: ["OWNER"], run: call("wallet/actions.ts", "startTopUpAction", () => ({ amount: 10_000 })) },
  { name: "let admins top up", allowed: ["OWNER"], run: call("wallet/actions.ts", "setAdminsMayTopUpAction", () => ({ adminsMayTopUp: true })) },
  {
    name: "set the low-balance threshold",
    allowed: ["OWNER", "ADMIN"],
    run: call("wallet/actions.ts", "setLowBalanceThresholdAction", () => ({ lowBalanceThreshold: 2_000 })),
  },
  {
    name: "create an API token",
    allowed: ["OWNER", "ADMIN"],
    run: call("settings/api-tokens/actions.ts", "createApiTokenAction", () => ({ name: "role test", role: "STAFF" })),
  },
  {
    name: "invite someone to the team",
    allowed: ["OWNER", "ADMIN"],
    run: call("settings/team/actions.ts", "inviteMemberAction", () => ({ email: `invitee-${crypto.randomUUID()}@test.test`, role: "STAFF" })),
  },
  {
    name: "change SMS settings",
    allowed: ["OWNER", "ADMIN"],
    run: call("settings/sms/actions.ts", "saveSmsSettings", () => ({ mode: "PLATFORM", senderName: "Tajer", templates: {} })),
  },
  {
    name: "add a branch",
    allowed: ["OWNER", "ADMIN"],
    run: call("settings/shipping/actions.ts", "saveBranchAction", () => ({ branch: { name: "Role test", city: "Riyadh", address: "Street" } })),
  },
  {
    name: "change a carrier's rate card",
    allowed: ["OWNER", "ADMIN"],
    run: call("settings/shipping/actions.ts", "saveCarrierAction", () => ({ carrier: "spl", enabled: true })),
  },
  {
    name: "change order evaluation settings",
    allowed: ["OWNER", "ADMIN"],
    run: call("settings/reviews/actions.ts", "saveReviewSettingsAction", () => ({ enabled: true })),
  },
  {
    name: "send a review request now",
    allowed: ["OWNER", "ADMIN"],
    run: call("orders/_components/review-actions.ts", "sendReviewRequestNowAction", (f) => ({ orderId: f.deliveredId })),
  },
  {
    name: "refund an order",
    allowed: ["OWNER", "ADMIN"],
    run: call("orders/[orderId]/actions.ts", "executeOrderAction", (f) => ({
      orderId: f.paidCanceledId,
      idempotencyKey: crypto.randomUUID(),
      to: "refunded",
      notifyCustomer: false,
    })),
  },
  {
    name: "let staff refund",
    allowed: ["OWNER", "ADMIN"],
    run: call("settings/refunds/actions.ts", "saveRefundSettingsAction", () => ({ staffRefundLimit: 5_000 })),
  },
  {
    name: "revoke the owner's API token",
    allowed: ["OWNER"],
    run: call("settings/api-tokens/actions.ts", "revokeApiTokenAction", (f) => ({ tokenId: f.ownerTokenId })),
  },
  {
    name: "move an order",
    allowed: ["OWNER", "ADMIN", "STAFF"],
    run: call("orders/[orderId]/actions.ts", "executeOrderAction", (f) => ({
      orderId: f.orderId,
      idempotencyKey: crypto.randomUUID(),
      to: "in_progress",
      notifyCustomer: false,
    })),
  },
  {
    name: "comment on an order",
    allowed: ["OWNER", "ADMIN", "STAFF"],
    run: call("orders/_components/team-actions.ts", "addCommentAction", (f) => ({ orderId: f.orderId, body: "role test" })),
  },
  {
    name: "block a customer",
    allowed: ["OWNER", "ADMIN", "STAFF"],
    run: call("customers/actions.ts", "blockCustomerAction", (f) => ({ customerId: f.customerId, reason: "role test" })),
  },
  {
    name: "set a customer's language",
    allowed: ["OWNER", "ADMIN", "STAFF"],
    run: call("customers/actions.ts", "setCustomerPreferenceAction", (f) => ({ customerId: f.customerId, locale: "en" })),
  },
];

let users: Record<Role, string>;
let payments: Awaited<ReturnType<typeof startRouteServer>>;
afterAll(() => payments.close());
beforeAll(async () => {
  // Top-ups start at the payment provider: its simulator, over HTTP.
  payments = await startRouteServer(PAYMENT_ROUTES);
  vi.stubEnv("PUBLIC_URL", payments.base);
  const s = await seedStore();
  users = { OWNER: s.owner.id } as Record<Role, string>;
  for (const role of ["ADMIN", "STAFF"] as const) {
    const user = await db.user.create({ data: { email: `${role}-${crypto.randomUUID()}@roles.test`, name: role, passwordHash: "x" } });
    await db.membership.create({ data: { storeId: s.store.id, userId: user.id, role } });
    users[role] = user.id;
  }
});

describe("roles × capabilities", () => {
  for (const capability of CAPABILITIES) {
    for (const role of ["OWNER", "ADMIN", "STAFF"] as const) {
      const allowed = capability.allowed.includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${capability.name}`, async () => {
        // A fresh store per case, so one case's change never decides another's.
        const s = await seedStore();
        for (const r of ["ADMIN", "STAFF"] as const) await db.membership.create({ data: { storeId: s.store.id, userId: users[r], role: r } });
        const order = await seedOrder(s);
        const delivered = await seedOrder(s);
        for (const to of ["in_progress", "shipped", "delivered"] as const)
          await transitionOrder(s.ctx(), delivered.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "x" } } : {}) });
        const customerId = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).customerId;
        const paidCanceled = await seedOrder(s, { payment: { method: "card", status: "paid" } });
        await transitionOrder(s.ctx(), paidCanceled.id, { to: "canceled", notifyCustomer: false });
        const ownerToken = await db.apiToken.findFirstOrThrow({ where: { storeId: s.store.id, role: "OWNER" } });
        signedIn = role === "OWNER" ? s.owner.id : users[role];
        const result = await capability.run({
          s,
          orderId: order.id,
          deliveredId: delivered.id,
          customerId,
          paidCanceledId: paidCanceled.id,
          ownerTokenId: ownerToken.id,
        });
        if (allowed) expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        else expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      });
    }
  }
});

describe("admins and the wallet", () => {
  it("an admin tops up only once the owner allows it; staff never", async () => {
    const s = await seedStore();
    for (const r of ["ADMIN", "STAFF"] as const) await db.membership.create({ data: { storeId: s.store.id, userId: users[r], role: r } });
    const wallet = await mod<Record<string, Action>>("wallet/actions.ts");
    signedIn = users.ADMIN;
    expect(await wallet.startTopUpAction(s.store.slug, { amount: 5_000 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    signedIn = s.owner.id;
    expect(await wallet.setAdminsMayTopUpAction(s.store.slug, { adminsMayTopUp: true })).toMatchObject({ ok: true });
    signedIn = users.ADMIN;
    expect(await wallet.startTopUpAction(s.store.slug, { amount: 5_000 })).toMatchObject({ ok: true, data: { status: "pending", amount: 5_000 } });
    signedIn = users.STAFF;
    expect(await wallet.startTopUpAction(s.store.slug, { amount: 5_000 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
