import { db } from "@/server/db/client";
import type { Role } from "@/server/auth/permissions";

/** The stores a user belongs to, for the store switcher: one statement on every dashboard page (the ORM made two). */
export async function listUserStores(userId: string): Promise<{ slug: string; name: string; role: Role }[]> {
  return db.$queryRaw<{ slug: string; name: string; role: Role }[]>`
    SELECT s.slug, s.name, m.role::text AS role
    FROM memberships m JOIN stores s ON s.id = m."storeId"
    WHERE m."userId" = ${userId}::uuid
    ORDER BY s.name, s.slug`;
}
