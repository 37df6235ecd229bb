import { storeRoute } from "@/server/http/public-route";
import { readLimited } from "@/server/http/read-limited";
import { AppError, isAppError } from "@/server/errors/app-error";
import { inWords } from "@/server/errors/words";
import { httpStatusOf } from "@/server/errors/error-catalog";
import { previewCatalogImport } from "@/server/catalog/catalog-import";
import { MAX_IMPORT_BYTES } from "@/server/catalog/import-plan";
import { readerLocale } from "@/i18n/reader-locale";

export const dynamic = "force-dynamic";

/**
 * A products file, sent as the request's body (the file's name in `?name=`), read and checked into a
 * preview: nothing in the catalog changes here. The page's script sends it with a header no form can
 * set, so another site cannot post a file in a signed-in person's name.
 */
export const POST = storeRoute("catalog.manage", async ({ request, access }) => {
  const locale = await readerLocale();
  try {
    if (request.headers.get("x-tajer-upload") !== "1") throw new AppError("FORBIDDEN", "Files are sent by the import page.");
    const name = (new URL(request.url).searchParams.get("name") ?? "").trim() || "file";
    const bytes = await readLimited(request, MAX_IMPORT_BYTES, "The file");
    const { id } = await previewCatalogImport(access.ctx, { name, bytes });
    return Response.json({ id }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { message } = inWords(error, error.code, error.message, locale);
    return Response.json({ error: { code: error.code, message } }, { status: httpStatusOf[error.code], headers: { "Cache-Control": "no-store" } });
  }
});
