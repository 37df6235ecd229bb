import { db } from "@/server/db/client";

/** The stores a user belongs to, for the store switcher. */
export async function listUserStores(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, store: { select: { slug: true, name: true } } },
    orderBy: { store: { name: "asc" } },
  });
  return rows.map((r) => ({ slug: r.store.slug, name: r.store.name, role: r.role }));
}
