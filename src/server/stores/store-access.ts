import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import type { StoreContext } from "@/server/auth/context";
import { currentUserId } from "@/server/auth/session";
import { resolveMembership, type StoreAccess } from "./resolve-membership";

export type PageAccess = StoreAccess & { ctx: StoreContext };

/**
 * For pages and layouts: the signed-in user's access to the store in the URL. Not signed in → the
 * sign-in page; not a member (or no such store) → 404. Every page calls it itself: layouts do not
 * re-run on client navigation. Memoised for the request: the layout, the page and its metadata
 * resolve it once between them.
 */
export const requireStoreAccess = cache(async (unverifiedStoreSlug: string): Promise<PageAccess> => {
  const userId = await currentUserId();
  if (!userId) redirect("/signin");
  const access = await resolveMembership(userId, unverifiedStoreSlug);
  if (!access) notFound();
  return {
    ...access,
    ctx: {
      storeId: access.store.id,
      role: access.role,
      onlyAssigned: access.onlyAssigned,
      actor: { type: "USER", id: access.user.id, name: access.user.name },
    },
  };
});
