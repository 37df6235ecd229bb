import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { AppError, notFound } from "@/server/errors/app-error";
import { advanceSimulatedShipment } from "./carrier-simulator";
import type { SimulatedStatus } from "./simulator-journey";
import { CarrierError } from "./carrier-adapter";
import { isDemoInstallation } from "@/server/installation/installation-settings";

/**
 * Whether the dashboard offers the carrier simulator's controls: only on a demo installation (seeded with
 * the demo stores), unless CARRIER_SIMULATOR_CONTROLS says "on" or "off". On a real one, nobody can make
 * a parcel "delivered" (and its cash "collected") by pressing a button.
 */
export async function simulatorControlsEnabled(env: Record<string, string | undefined> = process.env): Promise<boolean> {
  if (env.CARRIER_SIMULATOR_CONTROLS === "off") return false;
  if (env.CARRIER_SIMULATOR_CONTROLS === "on") return true;
  return isDemoInstallation();
}

/**
 * Demo: moves one of the store's parcels along at the simulated carrier, which then reports it to Tajer
 * through its signed webhook, exactly as a carrier would. The order follows when the store allows it.
 */
export async function advanceShipmentInSimulator(ctx: StoreContext, shipmentId: string, to?: SimulatedStatus) {
  const shipment = await db.shipment.findFirst({
    where: { storeId: ctx.storeId, id: shipmentId, voidedAt: null },
    select: { carrier: true, trackingNumber: true },
  });
  if (!shipment?.carrier || !shipment.trackingNumber) throw notFound("Shipment");
  if (!(await simulatorControlsEnabled()))
    throw new AppError("FORBIDDEN", "The carrier simulator is switched off on this installation.", { say: { key: "simulatorOff" } });
  try {
    const result = await advanceSimulatedShipment(shipment.trackingNumber, to);
    if (result.webhook.httpStatus !== 200) {
      throw new AppError(
        "CARRIER_ERROR",
        `The carrier moved the parcel to ${result.status.replace(/_/g, " ")} but its update did not reach Tajer (${result.webhook.httpStatus ?? result.webhook.error}).`,
        { say: { key: "simulatorWebhook" } },
      );
    }
    return { status: result.status };
  } catch (error) {
    if (error instanceof CarrierError)
      throw new AppError("CONFLICT", error.message, { say: { key: "carrierEventRefused", params: { reason: error.message } } });
    throw error;
  }
}
