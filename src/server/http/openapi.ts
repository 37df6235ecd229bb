import { statementApiInput } from "@/server/cod/statements";
import { z } from "zod";
import { orderDto, orderSummaryDto } from "@/server/orders/order-dto";
import { listOrdersQuery, placeOrderInput } from "@/server/orders/schemas";
import { transitionOrderInput } from "@/server/orders/schemas-transition";
import { addTagsInput } from "@/server/tags/schemas";
import { blockCustomerInput } from "@/server/customers/schemas";
import { ratesInput } from "@/server/shipping/quote-rates";
import { startTopUpInput } from "@/server/wallet/top-ups";
import { issueLabelInput } from "@/server/shipping/issue-label";
import { httpStatusOf } from "@/server/errors/error-catalog";

const errorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(httpStatusOf) as [string, ...string[]]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

const schema = (s: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [String(s), { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );

/** A plain operation: path parameters, an optional JSON body (a component name or a schema), its errors. */
function op(summary: string, options: { path?: string[]; body?: string | object; errors: number[] }) {
  return {
    summary,
    parameters: (options.path ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...(options.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: typeof options.body === "string" ? { $ref: `#/components/schemas/${options.body}` } : options.body } },
          },
        }
      : {}),
    responses: { "200": { description: "OK" }, ...errors(...options.errors) },
  };
}

/** The OpenAPI document of /api/v1, generated from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument() {
  const queryParameters = Object.entries((listOrdersQuery as z.ZodObject).shape).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    schema: schema(s as z.ZodType, "input"),
  }));
  return {
    openapi: "3.1.0",
    info: { title: "Tajer API", version: "1.0.0", description: "Orders of one store, authenticated by that store's API token." },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A store API token (Settings → API tokens)." } },
      schemas: {
        Error: schema(errorBody),
        Order: schema(orderDto),
        OrderSummary: schema(orderSummaryDto),
        PlaceOrder: schema(placeOrderInput, "input"),
        Transition: schema(transitionOrderInput, "input"),
        AddTags: schema(addTagsInput, "input"),
        BlockCustomer: schema(blockCustomerInput, "input"),
        Rates: schema(ratesInput, "input"),
        TopUp: schema(startTopUpInput, "input"),
        IssueLabel: schema(issueLabelInput, "input"),
        CodStatement: schema(statementApiInput, "input"),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      "/orders": {
        get: {
          summary: "List orders, newest first, by cursor",
          parameters: queryParameters,
          responses: {
            "200": {
              description: "A page of orders",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { data: { type: "array", items: { $ref: "#/components/schemas/OrderSummary" } }, nextCursor: { type: ["string", "null"] } },
                  },
                },
              },
            },
            ...errors(401, 403, 422),
          },
        },
        post: {
          summary: "Place an order (prices come from the store's catalog)",
          parameters: [{ name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", maxLength: 255 } }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/PlaceOrder" } } } },
          responses: {
            "201": {
              description: "The order (a replay of the same key and body returns the first response)",
              content: { "application/json": { schema: { type: "object", properties: { data: { $ref: "#/components/schemas/Order" } } } } },
            },
            ...errors(400, 401, 403, 422),
          },
        },
      },
      "/orders/export": {
        get: op(
          'The orders of a filter as NDJSON (one order a line; default) or CSV, streamed, up to `limit` (default 10,000, at most 100,000) a page; the next page\'s cursor is in the Link header (rel="next") and X-Next-Cursor. Filters as for listing orders; `columns` (CSV) a comma list.',
          { errors: [401, 403, 422] },
        ),
      },
      "/orders/{orderId}": {
        get: {
          summary: "One order",
          parameters: [{ name: "orderId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: {
            "200": {
              description: "The order",
              content: { "application/json": { schema: { type: "object", properties: { data: { $ref: "#/components/schemas/Order" } } } } },
            },
            ...errors(401, 404),
          },
        },
      },
      "/orders/{orderId}/transitions": {
        post: {
          summary: "Move an order to a new status (Order Actions → Execute Action)",
          parameters: [
            { name: "orderId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Transition" } } } },
          responses: {
            "200": {
              description: "The order after the move",
              content: { "application/json": { schema: { type: "object", properties: { data: { $ref: "#/components/schemas/Order" } } } } },
            },
            ...errors(401, 404, 409, 422),
          },
        },
      },
      "/orders/{orderId}/events": {
        get: {
          summary: "The order's timeline, newest first, and the SMS sent about it",
          parameters: [{ name: "orderId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": { description: "Events and SMS" }, ...errors(401, 404) },
        },
      },
      "/orders/{orderId}/tax-documents": {
        get: op("The order's tax invoices and credit and debit notes, in the order they were issued, each with its VAT, its QR and its reporting to ZATCA", {
          path: ["orderId"],
          errors: [401, 404],
        }),
        post: op(
          'Issue by hand: the order\'s invoice ({"kind":"invoice"}), or a credit or debit note against it ({"kind":"credit_note"|"debit_note","amount","reason"}; owners and admins). A credit note never exceeds what is left of the invoice.',
          {
            path: ["orderId"],
            body: {
              type: "object",
              required: ["kind"],
              properties: {
                kind: { type: "string", enum: ["invoice", "credit_note", "debit_note"] },
                amount: { type: "integer", minimum: 1 },
                reason: { type: "string", maxLength: 300 },
              },
            },
            errors: [401, 403, 404, 409, 422],
          },
        ),
      },
      "/addresses/{shortAddress}": {
        get: op(
          "A national short address (4 letters, 4 digits) looked up in the national address service: building number, street, district, city, postal code and additional number (?lang=ar|en)",
          {
            path: ["shortAddress"],
            errors: [401, 404, 422],
          },
        ),
      },
      "/tax-documents/{documentId}": {
        get: op("An invoice or note as a file: ?format=a4 (PDF, the default), receipt (80 mm PDF) or xml (UBL 2.1 as reported to ZATCA)", {
          path: ["documentId"],
          errors: [401, 404],
        }),
      },
      "/variants/{variantId}/codes": {
        get: op("A variant's barcodes (as printed) and its bin at each branch (by branch id)", { path: ["variantId"], errors: [401, 404] }),
        put: op(
          "Set a variant's barcodes and bins: barcodes replaces its codes (EAN-8, UPC-A, EAN-13, GTIN-14 with their check digits, or the store's own: letters, digits and . _ - /); bins sets the branches named (null clears). A code another variant has is a 409 naming its SKU.",
          {
            path: ["variantId"],
            body: {
              type: "object",
              properties: {
                barcodes: { type: "array", maxItems: 10, items: { type: "string", maxLength: 56 } },
                bins: { type: "object", additionalProperties: { type: ["string", "null"], maxLength: 32 } },
              },
            },
            errors: [401, 403, 404, 409, 422],
          },
        ),
      },
      "/orders/{orderId}/tags": {
        post: op("Add tags to an order (created on the fly)", { path: ["orderId"], body: "AddTags", errors: [401, 404, 422] }),
      },
      "/orders/{orderId}/tags/{tag}": {
        delete: op("Remove a tag from an order", { path: ["orderId", "tag"], errors: [401, 404] }),
      },
      "/orders/{orderId}/comments": {
        post: op("Add an internal comment (never shown to the customer)", {
          path: ["orderId"],
          body: { type: "object", required: ["body"], properties: { body: { type: "string", maxLength: 2000 } } },
          errors: [401, 404, 422],
        }),
      },
      "/orders/{orderId}/assignee": {
        post: op("Assign the order to a member of the store, or to nobody", {
          path: ["orderId"],
          body: { type: "object", required: ["userId"], properties: { userId: { type: ["string", "null"], format: "uuid" } } },
          errors: [401, 404, 422],
        }),
      },
      "/customers/{customerId}/block": {
        post: op("Block a customer (their new orders are refused)", { path: ["customerId"], body: "BlockCustomer", errors: [401, 404, 422] }),
      },
      "/customers/{customerId}/unblock": { post: op("Unblock a customer", { path: ["customerId"], errors: [401, 404] }) },
      "/customers/{customerId}/risk": {
        get: op(
          "The customer's cash-on-delivery risk in this store: a score (0–100), its band (low, medium, high) and every factor with its value, weight, points and the orders behind it",
          { path: ["customerId"], errors: [401, 404] },
        ),
      },
      "/cod": {
        get: op(
          "Cash on delivery with the carriers: per carrier what was expected, collected at the door, paid out in statements, settled and still outstanding; what is owed by days since delivery (0–7, 8–14, 15–30, over 30); and the open mismatches (short, over, paid twice, unknown tracking number, refused yet paid, nothing to collect)",
          { errors: [401, 403] },
        ),
      },
      "/cod/statements": {
        post: {
          ...op(
            "Record a carrier's remittance statement (amounts in minor units). Its lines must add up to statedTotal (else 422 naming the difference); each line is matched by tracking number, once. The same carrier and reference again changes nothing",
            { body: "CodStatement", errors: [401, 403, 422] },
          ),
          responses: {
            "201": { description: "Recorded: id, reference, lineCount, matchedCount, mismatchCount, duplicate: false" },
            "200": { description: "Already recorded: the statement as it was, duplicate: true" },
            ...errors(401, 403, 422),
          },
        },
      },
      "/cod/statements/{statementId}/reversal": {
        post: op("Reverse a statement: an entry cancelling each of its lines, with the note; once (a second time is 409)", {
          path: ["statementId"],
          body: { type: "object", required: ["note"], properties: { note: { type: "string", maxLength: 500 } } },
          errors: [401, 403, 404, 409, 422],
        }),
      },
      "/orders/{orderId}/shipments": {
        post: {
          ...op(
            "Buy a shipping label from the wallet; the order ships (Idempotency-Key required). At most one live label per order: a second request is 409 LABEL_IN_PROGRESS before anything is charged",
            { path: ["orderId"], body: "IssueLabel", errors: [400, 401, 402, 404, 409, 422, 502] },
          ),
          responses: {
            "201": {
              description:
                "The label: id, carrier, trackingNumber, trackingUrl, labelUrl, cost (what the wallet was charged: the platform's price, or on the store's own carrier account only the platform's fee), currency, handover, status",
            },
            "202": {
              description:
                'The carrier has not answered in time: the label is pending (status "pending", charged) and is issued, or its charge refunded, by itself; ask again with the same Idempotency-Key for the outcome',
            },
            ...errors(400, 401, 402, 404, 409, 422, 502),
          },
        },
      },
      "/shipments/{shipmentId}/label": {
        get: {
          ...op("The shipping label as a 4×6 in PDF", { path: ["shipmentId"], errors: [401, 404] }),
          responses: { "200": { description: "application/pdf" }, ...errors(401, 404) },
        },
      },
      "/shipments/{shipmentId}/void": {
        post: {
          ...op(
            "Void a label before hand-over, while its order is still shipped by it: the carrier cancels, the wallet is refunded, the order is back in progress",
            { path: ["shipmentId"], errors: [401, 404, 409] },
          ),
          responses: {
            "200": { description: 'The label, status "voided"' },
            "202": { description: 'The carrier has not confirmed in time: the label is "voiding" and is voided (and refunded) or restored by itself' },
            ...errors(401, 404, 409),
          },
        },
      },
      "/branches": { get: op("The store's branches", { errors: [401] }) },
      "/branches/{branchId}/pickup-slots": {
        get: {
          ...op(
            "When a carrier can pick up from this branch over the next 7 days ({ start, end }, ISO): inside the branch's working hours and the carrier's pickup hours, at least an hour ahead",
            { path: ["branchId"], errors: [401, 404, 422] },
          ),
          parameters: [
            { name: "branchId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "carrier", in: "query", required: true, schema: { type: "string" } },
          ],
        },
      },
      "/discounts/redeem": {
        post: op("Apply a thank-you discount code at checkout (once; 404 unknown, 409 used, 422 expired or below the minimum)", {
          body: {
            type: "object",
            required: ["code", "orderTotal", "customerPhone"],
            properties: { code: { type: "string" }, orderTotal: { type: "integer", minimum: 0 }, customerPhone: { type: "string" } },
          },
          errors: [401, 404, 409, 422],
        }),
      },
      "/storefront/orders/{orderId}": {
        get: op("An order as its customer sees it (the customer order page's data)", { path: ["orderId"], errors: [401, 404] }),
      },
      "/storefront/customers/{customerId}/orders": {
        get: op("A customer's orders as they see them, newest first", { path: ["customerId"], errors: [401, 404] }),
      },
      "/storefront/payment-options": {
        get: {
          ...op(
            "Whether the checkout may offer cash on delivery to a phone: offered (with the store's fee for the city), or not with the store's reason — risk score, band and factors, or the order value the store offers it for in that city (rule below_minimum | above_maximum, limit)",
            { errors: [401, 422] },
          ),
          parameters: [
            { name: "phone", in: "query", required: true, schema: { type: "string" } },
            { name: "city", in: "query", required: false, schema: { type: "string" } },
            { name: "amount", in: "query", required: false, schema: { type: "integer", description: "The order's value before the fee, in minor units" } },
          ],
        },
      },
      "/carriers": { get: op("Integrated carriers and the store's own couriers, with capabilities", { errors: [401] }) },
      "/rates": {
        post: op(
          "Quote every enabled carrier for these packages: price (what a label costs the wallet), billing (platform | own_account), customerPrice (the store's own rate card)",
          { body: "Rates", errors: [401, 404, 422] },
        ),
      },
      "/wallet": { get: op("The wallet balance", { errors: [401, 403] }) },
      "/wallet/transactions": { get: op("The wallet ledger, newest first", { errors: [401, 403, 422] }) },
      "/wallet/top-ups": {
        post: op(
          "Start a wallet top-up (owner tokens, and admins' when the owner allows): a pending top-up with the payment provider's checkoutUrl; the wallet is credited once the provider confirms the payment",
          { body: "TopUp", errors: [401, 403, 422, 502] },
        ),
      },
      "/wallet/top-ups/{topUpId}": {
        get: op("A top-up's status (pending, paid, expired, failed), asked of the provider while pending", { path: ["topUpId"], errors: [401, 403, 404] }),
      },
    },
  };
}
