import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { bulkTransitionOrders } from "@/server/orders/bulk-transition-orders";
import { transitionOrder } from "@/server/orders/transition-order";
import { seedOrder, seedStore } from "../support/factories";

describe("bulkTransitionOrders", () => {
  it("moves each order it can and says why the others did not move", async () => {
    const s = await seedStore();
    const outsider = await seedStore();
    const received = await Promise.all([seedOrder(s), seedOrder(s), seedOrder(s)]);
    const canceled = await seedOrder(s);
    await transitionOrder(s.ctx(), canceled.id, { to: "canceled" });
    const foreign = await seedOrder(outsider);

    const result = await bulkTransitionOrders(s.ctx(), [...received.map((o) => o.id), canceled.id, foreign.id], { to: "in_progress", notifyCustomer: false });
    expect(result.moved.map((m) => m.id).sort()).toEqual(received.map((o) => o.id).sort());
    expect(result.refused).toMatchObject([
      { id: canceled.id, code: "ORDER_INVALID_TRANSITION", message: expect.stringContaining("cannot become in progress") },
      { id: foreign.id, code: "NOT_FOUND", message: "Order not found" },
    ]);
    const statuses = await db.order.findMany({ where: { storeId: s.store.id }, select: { status: true } });
    expect(statuses.filter((o) => o.status === "IN_PROGRESS")).toHaveLength(3);
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: outsider.store.id, id: foreign.id } } })).status).toBe("RECEIVED");
  });
});
