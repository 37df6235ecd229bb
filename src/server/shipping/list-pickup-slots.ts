import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue, notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { parseInput } from "@/server/http/validation";
import { CARRIERS, CARRIER_IDS, PICKUP_WINDOW_HOURS } from "./carriers";
import { pickupSlots } from "./pickup-slots";
import type { WorkingHours } from "./branch-schemas";

export const pickupSlotsQuery = z.strictObject({ carrier: z.enum(CARRIER_IDS) });

/** When a carrier can pick up from one of the store's branches over the next 7 days: { start, end } pairs (ISO). */
export async function listPickupSlots(ctx: StoreContext, unverifiedBranchId: string, rawQuery: unknown) {
  if (!isUuid(unverifiedBranchId)) throw notFound("Branch");
  const [branch, store] = await Promise.all([
    db.branch.findFirst({ where: { storeId: ctx.storeId, id: unverifiedBranchId, archivedAt: null }, select: { workingHours: true } }),
    db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { timeZone: true } }),
  ]);
  if (!branch) throw notFound("Branch");
  // The branch first: another store's branch is "not found", whatever the query says.
  const query = parseInput(pickupSlotsQuery, rawQuery);
  if (!CARRIERS[query.carrier].capabilities.pickup) {
    throw new AppError("HANDOVER_NOT_SUPPORTED", `${CARRIERS[query.carrier].name} does not pick up parcels.`, {
      fields: { carrier: issue("dropoffOnly", { carrier: { carrier: query.carrier } }) },
      say: { key: "dropoffOnly", params: { carrier: { carrier: query.carrier } } },
    });
  }
  return pickupSlots(branch.workingHours as WorkingHours, CARRIERS[query.carrier].pickupHours, store.timeZone, new Date()).map((start) => ({
    start: start.toISOString(),
    end: new Date(start.getTime() + PICKUP_WINDOW_HOURS * 3_600_000).toISOString(),
  }));
}
