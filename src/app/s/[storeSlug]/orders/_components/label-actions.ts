"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { voidLabel } from "@/server/shipping/void-label";
import { labelsForOrders } from "@/server/shipping/get-label";
import { advanceShipmentInSimulator } from "@/server/shipping/simulate-shipment";

const adapters = carrierAdapters();
const issue = storeAction(
  { input: issueLabelInput.extend({ orderId: z.uuid(), idempotencyKey: z.string().min(8).max(120) }), permission: "orders.update" },
  ({ orderId, idempotencyKey, ...input }, ctx) => issueLabel(ctx, orderId, input, { idempotencyKey }, { adapters }),
);

export async function issueLabelAction(storeSlug: string, input: z.input<typeof issueLabelInput> & { orderId: string; idempotencyKey: string }) {
  const result = await issue(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

const voidIt = storeAction({ input: z.object({ shipmentId: z.uuid() }), permission: "orders.update" }, async (input, ctx) => {
  const label = await voidLabel(ctx, input.shipmentId, { adapters });
  return { status: label.status };
});

export async function voidLabelAction(storeSlug: string, input: { shipmentId: string }) {
  const result = await voidIt(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

const simulate = storeAction(
  {
    input: z.strictObject({ shipmentId: z.uuid(), to: z.enum(["picked_up", "in_transit", "out_for_delivery", "delivered", "returned_to_sender"]).optional() }),
    permission: "orders.update",
  },
  (input, ctx) => advanceShipmentInSimulator(ctx, input.shipmentId, input.to),
);

export async function advanceSimulatorAction(storeSlug: string, input: { shipmentId: string; to?: "returned_to_sender" }) {
  const result = await simulate(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

const forOrders = storeAction({ input: z.strictObject({ orderIds: z.array(z.uuid()).min(1).max(100) }), permission: "orders.read" }, (input, ctx) =>
  labelsForOrders(ctx, input.orderIds),
);

/** Bulk "Print labels": which selected orders have a label to print (in batches, so the list can show progress). */
export async function labelsForOrdersAction(storeSlug: string, input: { orderIds: string[] }) {
  return forOrders(storeSlug, input);
}
