import { apiRoute, json } from "@/server/http/api-route";
import { listCarriers } from "@/server/shipping/carrier-settings";

export const GET = apiRoute("orders.read", async ({ ctx }) => {
  const carriers = await listCarriers(ctx);
  return json({ data: carriers.map(({ id, name, kind, enabled, capabilities }) => ({ id, name, kind, enabled, capabilities })) });
});
