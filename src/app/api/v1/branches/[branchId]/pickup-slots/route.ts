import { apiRoute, json } from "@/server/http/api-route";
import { listPickupSlots } from "@/server/shipping/list-pickup-slots";

// The pickup times a label may book: inside the branch's hours and the carrier's, in the future.
export const GET = apiRoute("orders.read", async ({ ctx, params, request }) =>
  json({ data: await listPickupSlots(ctx, params.branchId, Object.fromEntries(new URL(request.url).searchParams)) }),
);
