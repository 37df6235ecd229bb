import type { StoreContext } from "@/server/auth/context";
import { isAppError, type ErrorCode, type Say } from "@/server/errors/app-error";
import type { OrderStatus } from "./order-status";
import { transitionOrder } from "./transition-order";

export type BulkResult = {
  moved: { id: string; number: number }[];
  refused: { id: string; code: ErrorCode; message: string; say?: Say }[];
};

/**
 * Moves several orders to one status. Each order is checked and changed on its own (its own
 * transaction): one refusal never holds back the others, and the answer says which moved and why not.
 */
export async function bulkTransitionOrders(ctx: StoreContext, orderIds: string[], input: { to: OrderStatus; notifyCustomer?: boolean }): Promise<BulkResult> {
  const result: BulkResult = { moved: [], refused: [] };
  for (const id of orderIds) {
    try {
      const order = await transitionOrder(ctx, id, { to: input.to, notifyCustomer: input.notifyCustomer });
      result.moved.push({ id, number: order.number });
    } catch (error) {
      if (!isAppError(error)) throw error;
      result.refused.push({ id, code: error.code, message: error.message, ...(error.say ? { say: error.say } : {}) });
    }
  }
  return result;
}
