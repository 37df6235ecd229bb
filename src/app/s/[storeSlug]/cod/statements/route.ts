import { z } from "zod";
import { storeRoute } from "@/server/http/public-route";
import { readLimited } from "@/server/http/read-limited";
import { AppError, isAppError } from "@/server/errors/app-error";
import { inWords } from "@/server/errors/words";
import { httpStatusOf } from "@/server/errors/error-catalog";
import { parseInput } from "@/server/http/validation";
import { MAX_STATEMENT_BYTES, uploadStatement } from "@/server/cod/statements";
import { CARRIER_IDS } from "@/server/shipping/carriers";
import { readAmount } from "@/server/catalog/import-plan";
import { minorUnitDigits } from "@/server/money/money";
import { readerLocale } from "@/i18n/reader-locale";

export const dynamic = "force-dynamic";

const query = z.object({
  carrier: z.enum(CARRIER_IDS),
  name: z.string().trim().max(200).default("statement"),
  reference: z.string().trim().max(100).default(""),
  total: z.string().trim().max(20).default(""),
});

/**
 * A carrier's remittance statement file, sent as the request's body (its carrier, name, and the number and
 * total the form gives in the query), recorded and matched. The page's script sends it with a header no form
 * can set, so another site cannot post a statement in a signed-in person's name.
 */
export const POST = storeRoute("cod.manage", async ({ request, access }) => {
  const locale = await readerLocale();
  try {
    if (request.headers.get("x-tajer-upload") !== "1") throw new AppError("FORBIDDEN", "Statements are sent by the Cash on delivery page.");
    const asked = parseInput(query, Object.fromEntries(new URL(request.url).searchParams));
    let statedTotal: number | null = null;
    if (asked.total) {
      const read = readAmount(asked.total, minorUnitDigits(access.store.currency));
      if ("rule" in read) throw new AppError("VALIDATION_FAILED", "The total is not an amount.", { fields: { statedTotal: { rule: "amount" } } });
      statedTotal = read.value;
    }
    const bytes = await readLimited(request, MAX_STATEMENT_BYTES, "The file");
    const result = await uploadStatement(access.ctx, { carrier: asked.carrier, fileName: asked.name, bytes, reference: asked.reference || null, statedTotal });
    return Response.json(result, { status: result.duplicate ? 200 : 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { message, fields } = inWords(error, error.code, error.message, locale);
    return Response.json(
      { error: { code: error.code, message, fields, problems: error.details?.problems } },
      { status: httpStatusOf[error.code], headers: { "Cache-Control": "no-store" } },
    );
  }
});
