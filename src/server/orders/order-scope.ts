import type { StoreContext } from "@/server/auth/context";
import type { Prisma } from "@/generated/prisma/client";

/**
 * The orders a context may see: its store's; for staff limited to their own, only those assigned to
 * them. Every order query starts from here, so anything else is "not found". The SQL reads use the same
 * rule as SQL: `visibleOrdersSql` in order-queries.ts (change both together; tests/integration/team.test.ts
 * checks both paths for limited staff).
 */
export function visibleOrders(ctx: StoreContext): Prisma.OrderWhereInput & { storeId: string } {
  return ctx.onlyAssigned
    ? { storeId: ctx.storeId, assigneeId: ctx.actor.type === "USER" ? ctx.actor.id : "00000000-0000-0000-0000-000000000000" }
    : { storeId: ctx.storeId };
}
