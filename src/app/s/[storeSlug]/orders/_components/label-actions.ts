"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { voidLabel } from "@/server/shipping/void-label";

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
  await voidLabel(ctx, input.shipmentId, { adapters });
  return null;
});

export async function voidLabelAction(storeSlug: string, input: { shipmentId: string }) {
  const result = await voidIt(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}
