import { apiRoute, json } from "@/server/http/api-route";
import { listWalletEntries, walletEntriesQuery } from "@/server/wallet/wallet";

export const GET = apiRoute("wallet.read", async ({ ctx, query }) => json(await listWalletEntries(ctx, query(walletEntriesQuery))));
