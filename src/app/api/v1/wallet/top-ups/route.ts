import { apiRoute, json } from "@/server/http/api-route";
import { topUpInput, topUpWallet } from "@/server/wallet/wallet";

export const POST = apiRoute("wallet.topUp", async ({ ctx, body }) => json({ data: await topUpWallet(ctx, await body(topUpInput)) }, 201));
