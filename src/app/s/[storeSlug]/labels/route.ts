import { storeRoute } from "@/server/http/public-route";
import { labelsPdf, pdfResponse } from "@/server/shipping/get-label";

/** Print labels from the dashboard: /s/{store}/labels?ids=a,b,c → one PDF. Private to the store's members. */
export const GET = storeRoute("orders.read", async ({ request, access }) => {
  const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean).slice(0, 200);
  return pdfResponse(await labelsPdf(access.ctx, ids), ids.length === 1 ? `label-${ids[0]}.pdf` : `labels-${ids.length}.pdf`);
});
