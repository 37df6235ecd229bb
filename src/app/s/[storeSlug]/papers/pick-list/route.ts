import { storeRoute } from "@/server/http/public-route";
import { pdfResponse } from "@/server/shipping/get-label";
import { pickListPdf } from "@/server/orders/packing-papers";

/** The pick list of the list's selection: /s/{store}/papers/pick-list?orders=a,b,c → one PDF. */
export const GET = storeRoute("orders.read", async ({ request, access }) => {
  const ids = (new URL(request.url).searchParams.get("orders") ?? "").split(",").filter(Boolean);
  return pdfResponse(await pickListPdf(access.ctx, ids), `pick-list-${ids.length}.pdf`);
});
