import { apiRoute, json } from "@/server/http/api-route";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { voidLabel } from "@/server/shipping/void-label";

const adapters = carrierAdapters();

export const POST = apiRoute("orders.update", async ({ ctx, params }) => {
  const label = await voidLabel(ctx, params.shipmentId, { adapters });
  // 202: the carrier has not answered in time; the void settles by itself (voided and refunded, or restored).
  return json({ data: label }, label.status === "voiding" ? 202 : 200);
});
