import { storeRoute } from "@/server/http/public-route";
import { openFileExport } from "@/server/orders/export-jobs";
import { CONTENT_TYPES, exportFileName } from "@/server/orders/export-orders";

export const dynamic = "force-dynamic";

/** A file prepared in the background, for the person who asked for it (anyone else: not found). */
export const GET = storeRoute<{ storeSlug: string; exportId: string }>("orders.read", async ({ params, access }) => {
  const { export: file, body } = await openFileExport(access.ctx, params.exportId);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[file.format],
      "Content-Length": String(file.bytes),
      "Content-Disposition": `attachment; filename="${exportFileName(access.store.slug, file.format, new Date(file.createdAt))}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
