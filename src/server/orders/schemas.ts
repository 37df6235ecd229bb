import { ORDER_SORTS } from "./order-sort";
import { z } from "zod";
import { rule } from "@/server/http/validation";
import { phoneInput as phone } from "@/lib/phone";
import { ADDITIONAL_NUMBER, BUILDING_NUMBER, normalizeShortAddress, SHORT_ADDRESS, westernDigits } from "@/server/tax/tax-rules";
import { ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES } from "./order-status";

const text = (max: number) => z.string().trim().min(1).max(max);
const nationalPart = (pattern: RegExp, name: "buildingNumber" | "additionalNumber") =>
  z
    .string()
    .trim()
    .transform(westernDigits)
    .refine((s) => pattern.test(s), rule(name));
const minorUnits = z.number().int().min(0).max(1_000_000_000);

export const placeOrderInput = z
  .object({
    customer: z.strictObject({
      name: text(120),
      phone,
      email: z.email().max(200).optional(),
      /** The language the customer shops in, from the storefront: their messages and pages use it. */
      locale: z.enum(["ar", "en"]).optional(),
    }),
    items: z
      .array(
        z.strictObject({
          sku: text(64),
          quantity: z.number().int().min(1).max(10_000),
        }),
      )
      .min(1)
      .max(200),
    payment: z.strictObject({
      method: z.enum(PAYMENT_METHODS),
      status: z.enum(PAYMENT_STATUSES).default("pending"),
    }),
    shipping: z.strictObject({
      name: text(120).optional(),
      phone: phone.optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, rule("countryCode"))
        .default("SA"),
      city: text(80),
      district: text(80).optional(),
      address: text(300),
      postalCode: z.string().trim().max(16).optional(),
      // The Saudi national address: a building number and an additional number (4 digits each), and the
      // short address (4 letters, 4 digits). Arabic-Indic digits and spaces are accepted and normalized.
      buildingNumber: nationalPart(BUILDING_NUMBER, "buildingNumber").optional(),
      additionalNumber: nationalPart(ADDITIONAL_NUMBER, "additionalNumber").optional(),
      shortAddress: z
        .string()
        .transform((s) => normalizeShortAddress(westernDigits(s)))
        .refine((s) => SHORT_ADDRESS.test(s), rule("shortAddress"))
        .optional(),
      method: text(80),
      fee: minorUnits.default(0),
    }),
  })
  .strict();
export type PlaceOrderInput = z.output<typeof placeOrderInput>;

export const listOrdersQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  branchId: z.uuid().optional(),
  tag: z.string().trim().max(60).optional(),
  assignee: z.enum(["me", "none"]).optional(),
  /** "1": only orders late now by the store's rules. */
  late: z.enum(["1"]).optional(),
  sort: z.enum(ORDER_SORTS).default("newest"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListOrdersQuery = z.output<typeof listOrdersQuery>;
