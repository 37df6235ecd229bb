import { apiRoute, json } from "@/server/http/api-route";
import { paymentProvider } from "@/server/wallet/payment-provider";
import { confirmTopUp } from "@/server/wallet/top-ups";

// A top-up's status, asked of the provider when it is still pending.
export const GET = apiRoute("wallet.read", async ({ ctx, params }) => json({ data: await confirmTopUp(ctx, params.topUpId, await paymentProvider()) }));
