import { storeRoute } from "@/server/http/public-route";
import { parseInput } from "@/server/http/validation";
import { listWalletEntries, walletEntriesCsv, walletEntriesQuery } from "@/server/wallet/wallet";

/** The ledger (with the page's filters) as a CSV download. */
export const GET = storeRoute("wallet.read", async ({ request, access }) => {
  const query = parseInput(walletEntriesQuery, { ...Object.fromEntries(new URL(request.url).searchParams), limit: 500 });
  const entries = [];
  let cursor: string | undefined;
  do {
    const page = await listWalletEntries(access.ctx, { ...query, cursor });
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
});
