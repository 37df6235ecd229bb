import { z } from "zod";
import { can } from "@/server/auth/permissions";
import { AppError } from "@/server/errors/app-error";
import { apiRoute, json } from "@/server/http/api-route";
import { issueInvoice, issueNote, listOrderDocuments, noteInput } from "@/server/tax/tax-documents";

/** The order's invoices and notes, in the order they were issued, with their reporting to ZATCA. */
export const GET = apiRoute("orders.read", async ({ ctx, params }) => json({ data: await listOrderDocuments(ctx, params.orderId) }));

const issueBody = z.union([z.strictObject({ kind: z.literal("invoice") }), noteInput]);

/**
 * Issue by hand: `{ "kind": "invoice" }` (anyone who may move orders), or a credit or debit note
 * `{ "kind": "credit_note" | "debit_note", "amount", "reason" }` (owners and admins).
 */
export const POST = apiRoute("orders.update", async ({ ctx, params, body }) => {
  const input = await body(issueBody);
  if (input.kind === "invoice") await issueInvoice(ctx, params.orderId);
  else {
    if (!can(ctx.role, "tax.manage")) throw new AppError("FORBIDDEN", "Credit and debit notes are issued by owners and admins.");
    await issueNote(ctx, params.orderId, input);
  }
  return json({ data: await listOrderDocuments(ctx, params.orderId) }, 201);
});
