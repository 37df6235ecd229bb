"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { transitionOrder } from "@/server/orders/transition-order";
import { transitionOrderInput } from "@/server/orders/schemas-transition";

const executeAction = storeAction(
  { input: transitionOrderInput.extend({ orderId: z.uuid(), idempotencyKey: z.string().min(8).max(100) }), permission: "orders.update" },
  ({ orderId, idempotencyKey, ...input }, ctx) => transitionOrder(ctx, orderId, input, { idempotencyKey }),
);

/** Order Actions → Execute Action. The form's idempotency key makes a double click one change. */
export async function executeOrderAction(storeSlug: string, input: z.input<typeof transitionOrderInput> & { orderId: string; idempotencyKey: string }) {
  const result = await executeAction(storeSlug, input);
  revalidatePath(`/s/${storeSlug}/orders`, "layout");
  return result;
}
