import { db } from "@/server/db/client";

export type CustomerStats = { orders: number; spent: number; returned: number; refusedAtIntake: number };

/** Orders, money spent (less refunds, canceled orders not counted), returns and refused intakes per customer. */
export async function customerStats(storeId: string, customerIds: string[]): Promise<Map<string, CustomerStats>> {
  const stats = new Map<string, CustomerStats>(customerIds.map((id) => [id, { orders: 0, spent: 0, returned: 0, refusedAtIntake: 0 }]));
  if (!customerIds.length) return stats;
  const [groups, refusals] = await Promise.all([
    db.order.groupBy({
      by: ["customerId", "status"],
      where: { storeId, customerId: { in: customerIds } },
      _count: { _all: true },
      _sum: { total: true, refundedAmount: true },
    }),
    db.intakeRefusal.groupBy({ by: ["customerId"], where: { storeId, customerId: { in: customerIds } }, _count: { _all: true } }),
  ]);
  for (const g of groups) {
    const s = stats.get(g.customerId)!;
    s.orders += g._count._all;
    if (g.status !== "CANCELED") s.spent += (g._sum.total ?? 0) - (g._sum.refundedAmount ?? 0);
    if (g.status === "RETURNED") s.returned += g._count._all;
  }
  for (const r of refusals) stats.get(r.customerId)!.refusedAtIntake = r._count._all;
  return stats;
}
