import { currentUserId } from "@/server/auth/session";
import { isAppError } from "@/server/errors/app-error";
import { resolveMembership } from "@/server/stores/resolve-membership";
import { labelsPdf, pdfResponse } from "@/server/shipping/get-label";

/** Print labels from the dashboard: /s/{store}/labels?ids=a,b,c → one PDF. Private to the store's members. */
export async function GET(request: Request, { params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const userId = await currentUserId();
  const access = userId ? await resolveMembership(userId, storeSlug) : null;
  if (!userId || !access) return new Response("Not found", { status: 404 });
  const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean).slice(0, 200);
  try {
    const ctx = { storeId: access.store.id, role: access.role, onlyAssigned: access.onlyAssigned, actor: { type: "USER" as const, id: userId, name: access.user.name } };
    return pdfResponse(await labelsPdf(ctx, ids), ids.length === 1 ? `label-${ids[0]}.pdf` : `labels-${ids.length}.pdf`);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
}
