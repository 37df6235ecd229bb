import { apiRoute } from "@/server/http/api-route";
import { labelsPdf, pdfResponse } from "@/server/shipping/get-label";

export const GET = apiRoute("orders.read", async ({ ctx, params }) => pdfResponse(await labelsPdf(ctx, [params.shipmentId]), `label-${params.shipmentId}.pdf`));
