import { db } from "@/server/db/client";
import type { Role } from "@/server/auth/permissions";

export type StoreAccess = {
  store: { id: string; slug: string; name: string; currency: string; locale: string; timeZone: string };
  role: Role;
  onlyAssigned: boolean;
  user: { id: string; name: string; email: string };
};

/**
 * The user's membership in the store named by a slug from the URL. A store that does not exist and a
 * store the user does not belong to are the same answer: null.
 */
export async function resolveMembership(userId: string, unverifiedStoreSlug: string): Promise<StoreAccess | null> {
  const membership = await db.membership.findFirst({
    where: { userId, store: { slug: unverifiedStoreSlug } },
    select: {
      role: true,
      onlyAssignedOrders: true,
      store: { select: { id: true, slug: true, name: true, currency: true, locale: true, timeZone: true } },
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return membership ? { store: membership.store, role: membership.role as Role, onlyAssigned: membership.onlyAssignedOrders, user: membership.user } : null;
}
