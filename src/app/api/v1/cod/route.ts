import { apiRoute, json } from "@/server/http/api-route";
import { cashAging, cashByCarrier, cashMismatches, cashStillToCollect } from "@/server/cod/cod-ledger";

/** Cash on delivery per carrier (expected, collected, paid out, settled, outstanding), its aging and the open mismatches. */
export const GET = apiRoute("cod.read", async ({ ctx }) => {
  const [carriers, aging, mismatches, stillToCollect] = await Promise.all([cashByCarrier(ctx), cashAging(ctx), cashMismatches(ctx), cashStillToCollect(ctx)]);
  return json({ data: { stillToCollect, carriers, aging, mismatches } });
});
