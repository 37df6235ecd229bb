// The one door for server actions: input → session → membership of the store in the URL → permission.
// The session is the only stand-in here (it comes from a browser cookie); membership, permissions and
// the use cases are the real ones on a real database.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/server/db/client";
import { transitionOrder } from "@/server/orders/transition-order";
import { transitionOrderInput } from "@/server/orders/schemas-transition";
import { seedOrder, seedStore } from "../support/factories";

let signedIn: string | null = null;
vi.mock("@/server/auth/session", () => ({
  currentUserId: async () => signedIn,
  currentSession: async () => (signedIn ? { userId: signedIn, sessionId: "00000000-0000-7000-8000-000000000000" } : null),
}));

let reader: "en" | "ar" = "en";
vi.mock("@/i18n/reader-locale", () => ({ readerLocale: async () => reader }));

const { storeAction } = await import("@/server/actions/action-client");
const move = storeAction({ input: transitionOrderInput.extend({ orderId: z.uuid() }), permission: "orders.update" }, ({ orderId, ...input }, ctx) =>
  transitionOrder(ctx, orderId, input),
);
const manageTokens = storeAction({ input: z.object({}), permission: "apiTokens.manage" }, async () => "ok");

beforeEach(() => {
  signedIn = null;
  reader = "en";
});

describe("storeAction", () => {
  it("runs the use case for a member with the permission", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    signedIn = s.owner.id;
    const result = await move(s.store.slug, { orderId: order.id, to: "in_progress", notifyCustomer: false });
    expect(result).toMatchObject({ ok: true, data: { status: "in_progress" } });
  });

  it("signed out → UNAUTHENTICATED; another store's slug → NOT_FOUND; nothing changes", async () => {
    const victim = await seedStore();
    const outsider = await seedStore();
    const order = await seedOrder(victim);
    expect(await move(victim.store.slug, { orderId: order.id, to: "canceled" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    signedIn = outsider.owner.id;
    expect(await move(victim.store.slug, { orderId: order.id, to: "canceled" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND", message: "Store not found" },
    });
    // Their own store's slug with the victim's order id: the order is not found in their store.
    expect(await move(outsider.store.slug, { orderId: order.id, to: "canceled" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND", message: "Order not found" },
    });
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: victim.store.id, id: order.id } } })).status).toBe("RECEIVED");
  });

  it("a member without the permission → FORBIDDEN; bad input → the field and the rule, before anything else", async () => {
    const s = await seedStore();
    const staff = await db.user.create({ data: { email: `staff-${crypto.randomUUID()}@test.test`, name: "Staff", passwordHash: "x" } });
    await db.membership.create({ data: { storeId: s.store.id, userId: staff.id, role: "STAFF" } });
    signedIn = staff.id;
    expect(await manageTokens(s.store.slug, {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await move(s.store.slug, { orderId: "nope", to: "shipped" } as never)).toMatchObject({
      ok: false,
      error: { code: "VALIDATION_FAILED", fields: { orderId: "must be a valid uuid" } },
    });
  });

  it("answers in the reader's language: the refusal, the statuses by name, the field rules; the API's English stays on the error", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    signedIn = s.owner.id;
    reader = "ar";
    const refused = await move(s.store.slug, { orderId: order.id, to: "delivered" });
    expect(refused).toMatchObject({ ok: false, error: { code: "ORDER_INVALID_TRANSITION", details: { from: "received" } } });
    const message = refused.ok ? "" : refused.error.message;
    expect(message).toContain("«تم الاستلام»");
    expect(message).toContain("«تم التوصيل»");
    expect(message).not.toMatch(/[A-Za-z]/);
    const invalid = await move(s.store.slug, { orderId: "nope", to: "shipped" } as never);
    expect(invalid).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED", fields: { orderId: "يجب أن يكون معرّفًا صالحًا" } } });
    reader = "en";
    const english = await move(s.store.slug, { orderId: order.id, to: "delivered" });
    expect(english.ok ? "" : english.error.message).toBe("An order that is Received cannot become Delivered. Allowed: In Progress, Canceled.");
  });
});
