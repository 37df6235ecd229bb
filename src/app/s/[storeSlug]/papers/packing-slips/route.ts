import { storeRoute } from "@/server/http/public-route";
import { pdfResponse } from "@/server/shipping/get-label";
import { packingSlipsPdf } from "@/server/orders/packing-papers";

/** Packing slips with return slips: /s/{store}/papers/packing-slips?orders=a,b,c&prices=0|1 → one PDF, a page per order. */
export const GET = storeRoute("orders.read", async ({ request, access }) => {
  const url = new URL(request.url);
  const ids = (url.searchParams.get("orders") ?? "").split(",").filter(Boolean);
  return pdfResponse(await packingSlipsPdf(access.ctx, ids, url.searchParams.get("prices") !== "0"), `packing-slips-${ids.length}.pdf`);
});
