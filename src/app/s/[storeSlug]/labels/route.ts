import { isAppError } from "@/server/errors/app-error";
import { notFoundResponse, routeStoreAccess } from "@/server/stores/route-access";
import { labelsPdf, pdfResponse } from "@/server/shipping/get-label";

/** Print labels from the dashboard: /s/{store}/labels?ids=a,b,c → one PDF. Private to the store's members. */
export async function GET(request: Request, { params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const access = await routeStoreAccess(storeSlug, "orders.read");
  if (!access) return notFoundResponse();
  const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean).slice(0, 200);
  try {
    return pdfResponse(await labelsPdf(access.ctx, ids), ids.length === 1 ? `label-${ids[0]}.pdf` : `labels-${ids.length}.pdf`);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return notFoundResponse();
    throw error;
  }
}
