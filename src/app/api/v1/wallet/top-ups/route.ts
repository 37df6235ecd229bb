import { apiRoute, json } from "@/server/http/api-route";
import { paymentProvider } from "@/server/wallet/payment-provider";
import { startTopUp, startTopUpInput } from "@/server/wallet/top-ups";

// The role check is in the use case: admins may top up when the owner allows it. The answer is a pending
// top-up with the provider's checkout URL; the wallet is credited once the provider confirms the payment.
export const POST = apiRoute("wallet.read", async ({ ctx, body }) =>
  json({ data: await startTopUp(ctx, await body(startTopUpInput), await paymentProvider()) }, 201),
);
