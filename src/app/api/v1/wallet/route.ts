import { apiRoute, json } from "@/server/http/api-route";
import { getWallet } from "@/server/wallet/wallet";

export const GET = apiRoute("wallet.read", async ({ ctx }) => {
  const { balance, currency, lowBalanceThreshold, low } = await getWallet(ctx);
  return json({ data: { balance, currency, lowBalanceThreshold, low } });
});
