import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { assignOrder } from "@/server/orders/assign-order";
import { addOrderComment, deleteOrderComment, editOrderComment, listOrderComments } from "@/server/orders/comments";
import { getOrder } from "@/server/orders/get-order";
import { listOrders } from "@/server/orders/list-orders";
import { listOrdersQuery } from "@/server/orders/schemas";
import { transitionOrder } from "@/server/orders/transition-order";
import { listNotifications, markNotificationsRead } from "@/server/notifications/list-notifications";
import { subscribe, type LiveMessage } from "@/server/notifications/live-events";
import type { StoreContext } from "@/server/auth/context";
import { api } from "../support/api";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";

async function addStaff(s: SeededStore, name: string, options: { onlyAssigned?: boolean } = {}) {
  const user = await db.user.create({
    data: { email: `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 6)}@test.test`, name, passwordHash: await hashPassword("x") },
  });
  await db.membership.create({ data: { storeId: s.store.id, userId: user.id, role: "STAFF", onlyAssignedOrders: options.onlyAssigned ?? false } });
  const ctx: StoreContext = { storeId: s.store.id, role: "STAFF", onlyAssigned: options.onlyAssigned, actor: { type: "USER", id: user.id, name } };
  return { user, ctx };
}

describe("comments, mentions, assignment and notifications", () => {
  it("a new order notifies everyone who can see it, live, after commit", async () => {
    const s = await seedStore();
    const sara = await addStaff(s, "Sara");
    const limited = await addStaff(s, "Limited", { onlyAssigned: true });
    const heard: LiveMessage[] = [];
    const unsubscribe = await subscribe((m) => m.storeId === s.store.id && heard.push(m));
    const order = await seedOrder(s);
    await expect.poll(() => heard.length, { timeout: 5000 }).toBe(1);
    unsubscribe();
    expect(heard[0]).toMatchObject({ type: "order.created", orderId: order.id });
    expect(heard[0].userIds.sort()).toEqual([s.owner.id, sara.user.id].sort());
    expect((await listNotifications(sara.ctx)).unread).toBe(1);
    expect((await listNotifications(limited.ctx)).unread).toBe(0);
  });

  it("comments: @mentions notify the member; only the author edits or deletes; the timeline keeps it", async () => {
    const s = await seedStore();
    const sara = await addStaff(s, "Sara");
    const omar = await addStaff(s, "Omar");
    const order = await seedOrder(s);
    await markNotificationsRead(sara.ctx);
    const comment = await addOrderComment(omar.ctx, order.id, "@sara please double-wrap the glass");
    expect(comment.mentions).toEqual([sara.user.id]);
    const { unread, items } = await listNotifications(sara.ctx);
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ type: "comment.mention", orderId: order.id, data: { by: "Omar", number: order.number } });

    await expect(editOrderComment(sara.ctx, comment.id, "hijacked")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await editOrderComment(omar.ctx, comment.id, "@sara please double-wrap the glass, thanks");
    await expect(deleteOrderComment(sara.ctx, comment.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteOrderComment(omar.ctx, comment.id);
    expect(await listOrderComments(s.ctx(), order.id)).toEqual([]);
    const types = (await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: order.id }, orderBy: { createdAt: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["order.placed", "comment.added", "comment.edited", "comment.deleted"]);
  });

  it("assignment notifies the assignee; 'assigned to me' filters; a limited staff member sees only their orders, everything else is not found", async () => {
    const s = await seedStore();
    const limited = await addStaff(s, "Noura", { onlyAssigned: true });
    const [mine, other] = [await seedOrder(s), await seedOrder(s)];
    await assignOrder(s.ctx(), mine.id, limited.user.id);
    expect((await listNotifications(limited.ctx)).items[0]).toMatchObject({ type: "order.assigned", orderId: mine.id });
    await expect(assignOrder(s.ctx(), mine.id, crypto.randomUUID())).rejects.toMatchObject({ fields: { userId: "is not a member of this store" } });

    expect((await listOrders(limited.ctx, listOrdersQuery.parse({}))).data.map((o) => o.id)).toEqual([mine.id]);
    expect((await listOrders(s.ctx(), listOrdersQuery.parse({ assignee: "none" }))).data.map((o) => o.id)).toEqual([other.id]);
    expect((await getOrder(limited.ctx, mine.id)).id).toBe(mine.id);
    await expect(getOrder(limited.ctx, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(transitionOrder(limited.ctx, other.id, { to: "canceled" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addOrderComment(limited.ctx, other.id, "peek")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: other.id } } })).status).toBe("RECEIVED");
  });

  it("API: comments and assignee; outsiders get 404", async () => {
    const s = await seedStore();
    const outsider = await seedStore();
    const sara = await addStaff(s, "Sara");
    const order = await seedOrder(s);
    const req = (token: string, body: unknown) =>
      new Request("http://localhost/api", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const commentsRoute = await import("@/app/api/v1/orders/[orderId]/comments/route");
    const assigneeRoute = await import("@/app/api/v1/orders/[orderId]/assignee/route");
    const params = { params: Promise.resolve({ orderId: order.id }) };
    const comment = await commentsRoute.POST(req(s.tokens.STAFF, { body: "Customer asked for a call first" }), params);
    expect(comment.status).toBe(201);
    expect((await comment.json()).data).toMatchObject({ authorName: "STAFF token", body: "Customer asked for a call first" });
    const empty = await commentsRoute.POST(req(s.tokens.STAFF, { body: "  " }), params);
    expect([empty.status, (await empty.json()).error.fields]).toEqual([422, { body: "must not be empty" }]);
    expect((await commentsRoute.POST(req(outsider.tokens.OWNER, { body: "hi" }), params)).status).toBe(404);

    const assigned = await assigneeRoute.POST(req(s.tokens.ADMIN, { userId: sara.user.id }), params);
    expect(assigned.status).toBe(200);
    expect((await assigneeRoute.POST(req(outsider.tokens.OWNER, { userId: null }), params)).status).toBe(404);
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).assigneeId).toBe(sara.user.id);
    expect((await api.events(s.tokens.STAFF, order.id)).body.data.events.map((e: { type: string }) => e.type)).toContain("order.assigned");
  });
});
