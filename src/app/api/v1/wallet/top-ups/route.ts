import { apiRoute, json } from "@/server/http/api-route";
import { topUpInput, topUpWallet } from "@/server/wallet/wallet";

// The role check is in the use case: admins may top up when the owner allows it.
export const POST = apiRoute("wallet.read", async ({ ctx, body }) => json({ data: await topUpWallet(ctx, await body(topUpInput)) }, 201));
