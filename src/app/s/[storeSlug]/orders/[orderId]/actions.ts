"use server";

import { z } from "zod";
import { releaseHold } from "@/server/orders/release-hold";
import { storeAction } from "@/server/actions/action-client";
import { transitionOrder } from "@/server/orders/transition-order";
import { transitionOrderInput } from "@/server/orders/schemas-transition";
import { confirmForCustomer } from "@/server/orders/cod-confirmation";
import { replyToCustomer, staffReplyInput } from "@/server/notifications/staff-reply";
import { issueInvoice, issueNote, noteInput } from "@/server/tax/tax-documents";

/** Order Actions → Execute Action. The form's idempotency key makes a double click one change. */
export const executeOrderAction = storeAction(
  {
    input: transitionOrderInput.extend({ orderId: z.uuid(), idempotencyKey: z.string().min(8).max(100) }),
    permission: "orders.update",
    revalidate: "store",
  },
  ({ orderId, idempotencyKey, ...input }, ctx) => transitionOrder(ctx, orderId, input, { idempotencyKey }),
);

/** Cash on delivery confirmed for the customer, who said so on the phone. */
export const confirmForCustomerAction = storeAction(
  { input: z.strictObject({ orderId: z.uuid() }), permission: "orders.update", revalidate: "store" },
  ({ orderId }, ctx) => confirmForCustomer(ctx, orderId),
);

/** A person releases an order held for review (the customer's risk in front of them): once. */
export const releaseHoldAction = storeAction(
  { input: z.strictObject({ orderId: z.uuid() }), permission: "orders.update", revalidate: "store" },
  ({ orderId }, ctx) => releaseHold(ctx, orderId),
);

/** The customer answered in a person's own words (WhatsApp inside its window, else SMS where the store has it). */
export const replyToCustomerAction = storeAction({ input: staffReplyInput, permission: "orders.update", revalidate: "store" }, (input, ctx) =>
  replyToCustomer(ctx, input),
);

/** The order's invoice by hand (the store invoices by hand, or the last one was credited whole). */
export const issueInvoiceAction = storeAction(
  { input: z.strictObject({ orderId: z.uuid() }), permission: "orders.update", revalidate: "store" },
  ({ orderId }, ctx) => issueInvoice(ctx, orderId),
);

/** A credit or debit note against the order's invoice, with its reason (owners and admins). */
export const issueNoteAction = storeAction(
  { input: noteInput.extend({ orderId: z.uuid() }), permission: "tax.manage", revalidate: "store" },
  ({ orderId, ...input }, ctx) => issueNote(ctx, orderId, input),
);
