import type { StoreContext } from "@/server/auth/context";
import { can, type Permission } from "@/server/auth/permissions";
import { currentUserId } from "@/server/auth/session";
import { resolveMembership, type StoreAccess } from "./resolve-membership";

/**
 * For dashboard route handlers (files, streams): the signed-in member's context in the store named by
 * the URL, or null — which the handler answers with a plain 404, signed out or not a member alike.
 */
export async function routeStoreAccess(unverifiedStoreSlug: string, permission?: Permission): Promise<(StoreAccess & { ctx: StoreContext }) | null> {
  const userId = await currentUserId();
  const access = userId ? await resolveMembership(userId, unverifiedStoreSlug) : null;
  if (!userId || !access || (permission && !can(access.role, permission))) return null;
  return {
    ...access,
    ctx: { storeId: access.store.id, role: access.role, onlyAssigned: access.onlyAssigned, actor: { type: "USER", id: userId, name: access.user.name } },
  };
}
