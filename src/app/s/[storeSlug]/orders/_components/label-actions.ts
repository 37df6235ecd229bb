"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { voidLabel } from "@/server/shipping/void-label";
import { labelsForOrders } from "@/server/shipping/get-label";
import { advanceShipmentInSimulator } from "@/server/shipping/simulate-shipment";

const adapters = carrierAdapters();

export const issueLabelAction = storeAction(
  { input: issueLabelInput.extend({ orderId: z.uuid(), idempotencyKey: z.string().min(8).max(120) }), permission: "orders.update", revalidate: "store" },
  ({ orderId, idempotencyKey, ...input }, ctx) => issueLabel(ctx, orderId, input, { idempotencyKey }, { adapters }),
);

export const voidLabelAction = storeAction(
  { input: z.object({ shipmentId: z.uuid() }), permission: "orders.update", revalidate: "store" },
  async (input, ctx) => {
    const label = await voidLabel(ctx, input.shipmentId, { adapters });
    return { status: label.status };
  },
);

export const advanceSimulatorAction = storeAction(
  {
    input: z.strictObject({ shipmentId: z.uuid(), to: z.enum(["picked_up", "in_transit", "out_for_delivery", "delivered", "returned_to_sender"]).optional() }),
    permission: "orders.update",
    revalidate: "store",
  },
  (input, ctx) => advanceShipmentInSimulator(ctx, input.shipmentId, input.to),
);

/** Bulk "Print labels": which selected orders have a label to print (in batches, so the list can show progress). */
export const labelsForOrdersAction = storeAction(
  { input: z.strictObject({ orderIds: z.array(z.uuid()).min(1).max(100) }), permission: "orders.read" },
  (input, ctx) => labelsForOrders(ctx, input.orderIds),
);
