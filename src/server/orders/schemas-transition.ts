import { z } from "zod";
import { ORDER_STATUSES } from "./order-status";

export const transitionOrderInput = z.strictObject({
  to: z.enum(ORDER_STATUSES),
  customerNote: z.string().trim().max(500).optional(),
  notifyCustomer: z.boolean().optional(),
  expectedVersion: z.number().int().min(1).optional(),
  /** Minor units; a refund defaults to everything paid and not yet refunded. */
  refundAmount: z.number().int().optional(),
  /** Required to ship by hand: the courier and, when there is one, the tracking reference. */
  shipment: z
    .strictObject({
      courierName: z.string().trim().min(1).max(80),
      courierPhone: z.string().trim().max(32).optional(),
      trackingNumber: z.string().trim().max(80).optional(),
    })
    .optional(),
});
export type TransitionOrderInput = z.output<typeof transitionOrderInput>;
