import { storeRoute } from "@/server/http/public-route";
import { parseInput } from "@/server/http/validation";
import { packQueueQuery, packStation } from "@/server/packing/pack-queue";

/** The packing station's queue with everything needed to pack it offline (read by the station's query). */
export const GET = storeRoute("orders.update", async ({ request, access }) => {
  const query = parseInput(packQueueQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await packStation(access.ctx, query), { headers: { "Cache-Control": "no-store" } });
});
