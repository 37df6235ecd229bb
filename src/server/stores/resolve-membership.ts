import { db } from "@/server/db/client";
import type { Role } from "@/server/auth/permissions";

export type StoreAccess = {
  store: { id: string; slug: string; name: string; currency: string; locale: string; timeZone: string };
  role: Role;
  onlyAssigned: boolean;
  user: { id: string; name: string; email: string };
};

type Row = {
  role: Role;
  onlyAssigned: boolean;
  store: StoreAccess["store"];
  user: StoreAccess["user"];
};

/**
 * The user's membership in the store named by a slug from the URL. A store that does not exist and a
 * store the user does not belong to are the same answer: null. One statement: every dashboard page,
 * server action and store route asks it first (the ORM's nested select made three).
 */
export async function resolveMembership(userId: string, unverifiedStoreSlug: string): Promise<StoreAccess | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT m.role::text AS role, m."onlyAssignedOrders" AS "onlyAssigned",
      json_build_object('id', s.id, 'slug', s.slug, 'name', s.name, 'currency', s.currency, 'locale', s.locale, 'timeZone', s."timeZone") AS store,
      json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS "user"
    FROM memberships m
    JOIN stores s ON s.id = m."storeId"
    JOIN users u ON u.id = m."userId"
    WHERE m."userId" = ${userId}::uuid AND s.slug = ${unverifiedStoreSlug}`;
  return row ? { store: row.store, role: row.role, onlyAssigned: row.onlyAssigned, user: row.user } : null;
}
