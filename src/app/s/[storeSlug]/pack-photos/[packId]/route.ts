import { notFound } from "@/server/errors/app-error";
import { storeRoute } from "@/server/http/public-route";
import { isUuid } from "@/server/ids";
import { packPhoto } from "@/server/packing/pack-order";

/** The photo of a packed parcel, for the order's page. Private to the store's members who see the order. */
export const GET = storeRoute<{ storeSlug: string; packId: string }>("orders.read", async ({ params, access }) => {
  if (!isUuid(params.packId)) throw notFound("Photo");
  const bytes = await packPhoto(access.ctx, params.packId);
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "image/jpeg", "Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff" },
  });
});
