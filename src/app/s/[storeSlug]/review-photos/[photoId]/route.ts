import { storeRoute, notFoundResponse } from "@/server/http/public-route";
import { storePhoto } from "@/server/reviews/manage-reviews";
import { photoStorage } from "@/server/reviews/photo-storage";

/** Any photo of this store's reviews, for its members (moderation sees pending and hidden ones too). */
export const GET = storeRoute<{ storeSlug: string; photoId: string }>("orders.read", async ({ params, access }) => {
  const photo = await storePhoto(access.ctx, params.photoId);
  const bytes = photo && (await photoStorage().get(photo.storageKey));
  if (!photo || !bytes) return notFoundResponse();
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": photo.contentType, "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" },
  });
});
