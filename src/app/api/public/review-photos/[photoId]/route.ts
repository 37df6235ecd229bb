import { notFound } from "@/server/errors/app-error";
import { publicRoute } from "@/server/http/public-route";
import { publicPhoto } from "@/server/reviews/manage-reviews";
import { photoStorage } from "@/server/reviews/photo-storage";

/** A photo of a published review. A hidden or pending review's photos are not found. */
export const GET = publicRoute<{ photoId: string }>({}, async ({ params }) => {
  const photo = await publicPhoto(params.photoId);
  const bytes = photo && (await photoStorage().get(photo.storageKey));
  if (!photo || !bytes) throw notFound("Photo");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": photo.contentType,
      // Short: a review hidden later must disappear from caches soon.
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
      "Access-Control-Allow-Origin": "*",
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
});
