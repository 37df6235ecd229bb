import { apiRoute, json } from "@/server/http/api-route";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { voidLabel } from "@/server/shipping/void-label";

const adapters = carrierAdapters();

export const POST = apiRoute("orders.update", async ({ ctx, params }) => {
  await voidLabel(ctx, params.shipmentId, { adapters });
  return json({ data: { id: params.shipmentId, status: "voided" } });
});
