import { storeRoute } from "@/server/http/public-route";
import { lookUpCode } from "@/server/packing/pack-queue";

/** What a scanned code names in the store's catalog: the station's refusal names the wrong item. */
export const GET = storeRoute("orders.update", async ({ request, access }) => {
  const code = (new URL(request.url).searchParams.get("code") ?? "").slice(0, 128);
  return Response.json({ data: await lookUpCode(access.ctx, code) }, { headers: { "Cache-Control": "private, max-age=300" } });
});
