import { currentUserId } from "@/server/auth/session";
import { can } from "@/server/auth/permissions";
import { resolveMembership } from "@/server/stores/resolve-membership";
import { listWalletEntries, walletEntriesCsv, walletEntriesQuery } from "@/server/wallet/wallet";

/** The ledger (with the page's filters) as a CSV download. */
export async function GET(request: Request, { params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const userId = await currentUserId();
  const access = userId ? await resolveMembership(userId, storeSlug) : null;
  if (!userId || !access || !can(access.role, "wallet.read")) return new Response("Not found", { status: 404 });
  const query = walletEntriesQuery.safeParse({ ...Object.fromEntries(new URL(request.url).searchParams), limit: 500 });
  if (!query.success) return new Response("Bad filter", { status: 400 });
  const ctx = { storeId: access.store.id, role: access.role, actor: { type: "USER" as const, id: userId, name: access.user.name } };
  const entries = [];
  let cursor: string | undefined;
  do {
    const page = await listWalletEntries(ctx, { ...query.data, cursor });
    entries.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && entries.length < 100_000);
  return new Response(walletEntriesCsv(entries), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="wallet-${access.store.slug}.csv"`, "Cache-Control": "private, no-store" },
  });
}
