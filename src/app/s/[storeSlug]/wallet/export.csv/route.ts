import { notFoundResponse, routeStoreAccess } from "@/server/stores/route-access";
import { safeParseInput } from "@/server/http/validation";
import { listWalletEntries, walletEntriesCsv, walletEntriesQuery } from "@/server/wallet/wallet";

/** The ledger (with the page's filters) as a CSV download. */
export async function GET(request: Request, { params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const access = await routeStoreAccess(storeSlug, "wallet.read");
  if (!access) return notFoundResponse();
  const query = safeParseInput(walletEntriesQuery, { ...Object.fromEntries(new URL(request.url).searchParams), limit: 500 });
  if (!query.success) return new Response("Bad filter", { status: 400 });
  const { ctx } = access;
  const entries = [];
  let cursor: string | undefined;
  do {
    const page = await listWalletEntries(ctx, { ...query.data, cursor });
    entries.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && entries.length < 100_000);
  return new Response(walletEntriesCsv(entries), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="wallet-${access.store.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
