"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { transitionOrder } from "@/server/orders/transition-order";
import { transitionOrderInput } from "@/server/orders/schemas-transition";

/** Order Actions → Execute Action. The form's idempotency key makes a double click one change. */
export const executeOrderAction = storeAction(
  {
    input: transitionOrderInput.extend({ orderId: z.uuid(), idempotencyKey: z.string().min(8).max(100) }),
    permission: "orders.update",
    revalidate: "store",
  },
  ({ orderId, idempotencyKey, ...input }, ctx) => transitionOrder(ctx, orderId, input, { idempotencyKey }),
);
