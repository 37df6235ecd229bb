import { notFoundResponse, routeStoreAccess } from "@/server/stores/route-access";
import { storePhoto } from "@/server/reviews/manage-reviews";
import { photoStorage } from "@/server/reviews/photo-storage";

/** Any photo of this store's reviews, for its members (moderation sees pending and hidden ones too). */
export async function GET(_request: Request, { params }: { params: Promise<{ storeSlug: string; photoId: string }> }) {
  const { storeSlug, photoId } = await params;
  const access = await routeStoreAccess(storeSlug, "orders.read");
  if (!access) return notFoundResponse();
  const photo = await storePhoto(access.ctx, photoId);
  const bytes = photo && (await photoStorage().get(photo.storageKey));
  if (!photo || !bytes) return notFoundResponse();
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": photo.contentType, "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" },
  });
}
