import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";

export async function listBranches(ctx: StoreContext) {
  return db.branch.findMany({
    where: { storeId: ctx.storeId, archivedAt: null },
    select: { id: true, name: true, city: true, isDefault: true },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
}
