import { storeRoute } from "@/server/http/public-route";
import { parseInput } from "@/server/http/validation";
import { catalogExportQuery } from "@/server/catalog/products";
import { CONTENT_TYPES } from "@/server/orders/export-orders";
import { csvStream, xlsxStream } from "@/server/files/sheet-stream";
import { collectionPages } from "@/server/cod/cod-ledger";
import { collectionMismatch } from "@/server/cod/cod-rules";
import { formatOrderNumber } from "@/server/orders/order-number";
import { minorToDecimal } from "@/lib/csv";
import { minorUnitDigits } from "@/server/money/money";
import { isCarrierId } from "@/server/shipping/carriers";
import { readerLocale } from "@/i18n/reader-locale";
import { translator } from "@/server/errors/words";

export const dynamic = "force-dynamic";

/** Every expected collection with what was collected, paid out, settled and is still owed: CSV or Excel, in the reader's language. */
export const GET = storeRoute("cod.read", async ({ request, access }) => {
  const { format } = parseInput(catalogExportQuery, Object.fromEntries(new URL(request.url).searchParams));
  const locale = await readerLocale();
  const words = translator(locale);
  const t = (key: string) => words(`cod.${key}`);
  const tCarrier = (id: string) => words(`carrierName.${id}`);
  const digits = minorUnitDigits(access.store.currency);
  const amount = (minor: number) => minorToDecimal(minor, digits);
  const date = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : null);
  const header = (["order", "carrier", "tracking", "deliveredAt", "expected", "collectedAt", "remitted", "settled", "outstanding", "state"] as const).map((c) =>
    t(`exportColumns.${c}`),
  );
  const ctx = access.ctx;
  const spec = {
    header,
    sheetName: t("title"),
    rightToLeft: locale === "ar",
    async *pages() {
      for await (const rows of collectionPages(ctx))
        yield rows.map((r) => {
          const mismatch = collectionMismatch(r);
          const state = mismatch ? t(`kind.${mismatch}`) : r.outstanding === 0 ? t("state.balanced") : t("state.awaiting");
          return [
            formatOrderNumber(r.orderNumber),
            isCarrierId(r.carrier) ? tCarrier(r.carrier) : r.carrier,
            r.trackingNumber,
            date(r.deliveredAt),
            amount(r.amount),
            date(r.collectedAt),
            amount(r.remitted),
            amount(r.settled),
            amount(r.outstanding),
            state,
          ];
        });
    },
  };
  return new Response(format === "xlsx" ? xlsxStream(spec) : csvStream(spec), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="cash-on-delivery-${access.store.slug}-${new Date().toISOString().slice(0, 10)}.${format}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
