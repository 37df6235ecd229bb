// Settings → Tax invoices: the seller's legal details, the VAT rule, when invoices are issued, and the
// store's stamp key — made, and onboarded with the tax authority, when the store first says it is
// VAT-registered.
import { z } from "zod";
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { rule } from "@/server/http/validation";
import { installationSecret } from "@/server/installation/installation-settings";
import { AppError, issue, type IssueRule } from "@/server/errors/app-error";
import type { InvoiceTiming } from "@/generated/prisma/enums";
import { ADDITIONAL_NUMBER, BUILDING_NUMBER, CR_NUMBER, normalizeShortAddress, POSTAL_CODE, SHORT_ADDRESS, VAT_NUMBER, westernDigits } from "./tax-rules";
import { newStampKeys } from "./stamp";
import { taxAuthority } from "./tax-authority";

export const INVOICE_TIMINGS = ["on_placing", "on_delivery", "by_hand"] as const;
export type InvoiceTimingInput = (typeof INVOICE_TIMINGS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || null)
    .nullable()
    .default(null);
const digits = (pattern: RegExp, ruleName: IssueRule) =>
  z
    .string()
    .trim()
    .transform(westernDigits)
    .refine((s) => s === "" || pattern.test(s), rule(ruleName))
    .transform((s) => s || null)
    .nullable()
    .default(null);
const prefix = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,8}$/, rule("documentPrefix"));

export const taxProfileInput = z
  .object({
    vatRegistered: z.boolean(),
    legalNameAr: z.string().trim().max(200).default(""),
    legalNameEn: z.string().trim().max(200).default(""),
    vatNumber: digits(VAT_NUMBER, "vatNumber"),
    crNumber: digits(CR_NUMBER, "crNumber"),
    buildingNumber: digits(BUILDING_NUMBER, "buildingNumber"),
    street: optionalText(120),
    district: optionalText(80),
    city: optionalText(80),
    postalCode: digits(POSTAL_CODE, "postalCode"),
    additionalNumber: digits(ADDITIONAL_NUMBER, "additionalNumber"),
    shortAddress: z
      .string()
      .trim()
      .transform((s) => normalizeShortAddress(westernDigits(s)))
      .refine((s) => s === "" || SHORT_ADDRESS.test(s), rule("shortAddress"))
      .transform((s) => s || null)
      .nullable()
      .default(null),
    vatRatePercent: z.number().min(0).max(100).multipleOf(0.01).default(15),
    pricesIncludeVat: z.boolean().default(true),
    issueOn: z.enum(INVOICE_TIMINGS).default("on_delivery"),
    invoicePrefix: prefix.default("INV-"),
    creditNotePrefix: prefix.default("CN-"),
    debitNotePrefix: prefix.default("DN-"),
  })
  // A VAT-registered seller's invoice names them, their number and their address (ZATCA's required fields).
  .superRefine((p, ctx) => {
    if (!p.vatRegistered) return;
    const need = (path: string, ok: boolean) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message: "required", params: { rule: "requiredWhenVatRegistered" } });
    };
    need("legalNameAr", !!p.legalNameAr);
    need("vatNumber", !!p.vatNumber);
    need("buildingNumber", !!p.buildingNumber);
    need("street", !!p.street);
    need("district", !!p.district);
    need("city", !!p.city);
    need("postalCode", !!p.postalCode);
  });
export type TaxProfileInput = z.output<typeof taxProfileInput>;

export type TaxProfileView = TaxProfileInput & {
  /** The stamp: whether the store has a key and the authority signed it. */
  stamped: boolean;
  invoicesIssued: number;
};

const toTiming = (t: InvoiceTimingInput) => t.toUpperCase() as InvoiceTiming;
const fromTiming = (t: InvoiceTiming) => t.toLowerCase() as InvoiceTimingInput;

export async function getTaxProfile(ctx: Pick<StoreContext, "storeId">): Promise<TaxProfileView> {
  const p = await db.taxProfile.findUnique({ where: { storeId: ctx.storeId } });
  const defaults = taxProfileInput.parse({ vatRegistered: false });
  if (!p) return { ...defaults, stamped: false, invoicesIssued: 0 };
  return {
    vatRegistered: p.vatRegistered,
    legalNameAr: p.legalNameAr,
    legalNameEn: p.legalNameEn,
    vatNumber: p.vatNumber,
    crNumber: p.crNumber,
    buildingNumber: p.buildingNumber,
    street: p.street,
    district: p.district,
    city: p.city,
    postalCode: p.postalCode,
    additionalNumber: p.additionalNumber,
    shortAddress: p.shortAddress,
    vatRatePercent: p.vatRateBp / 100,
    pricesIncludeVat: p.pricesIncludeVat,
    issueOn: fromTiming(p.issueOn),
    invoicePrefix: p.invoicePrefix,
    creditNotePrefix: p.creditNotePrefix,
    debitNotePrefix: p.debitNotePrefix,
    stamped: !!p.publicKey && !!p.certificateSignature,
    invoicesIssued: p.invoiceCount,
  };
}

/** The secret the stamp keys are encrypted under: configured apart from the database, or this installation's own. */
export const stampSecret = () => installationSecret("tax-stamp-keys", "TAX_KEY_SECRET");

/**
 * Saved whole. The first time the store is VAT-registered it gets its stamp key, onboarded with the
 * authority. Once a document is issued, the VAT number stays (a new number is a new chain: a new store).
 */
export async function saveTaxProfile(ctx: StoreContext, input: TaxProfileInput): Promise<TaxProfileView> {
  const data = {
    vatRegistered: input.vatRegistered,
    legalNameAr: input.legalNameAr,
    legalNameEn: input.legalNameEn,
    vatNumber: input.vatNumber,
    crNumber: input.crNumber,
    buildingNumber: input.buildingNumber,
    street: input.street,
    district: input.district,
    city: input.city,
    postalCode: input.postalCode,
    additionalNumber: input.additionalNumber,
    shortAddress: input.shortAddress,
    vatRateBp: Math.round(input.vatRatePercent * 100),
    pricesIncludeVat: input.pricesIncludeVat,
    issueOn: toTiming(input.issueOn),
    invoicePrefix: input.invoicePrefix,
    creditNotePrefix: input.creditNotePrefix,
    debitNotePrefix: input.debitNotePrefix,
  };
  const existing = await db.taxProfile.findUnique({ where: { storeId: ctx.storeId }, select: { publicKey: true, vatNumber: true, lastIcv: true } });
  if (existing && existing.lastIcv > 0 && existing.vatNumber && existing.vatNumber !== input.vatNumber)
    throw new AppError("VALIDATION_FAILED", "The VAT number cannot change once documents were issued under it.", {
      fields: { vatNumber: issue("vatNumberLocked") },
    });
  // The key is made once and onboarded before it is saved: a key the authority never signed is never used.
  let stamp: { publicKey: string; privateKeyEnc: string; certificateSignature: string } | null = null;
  if (input.vatRegistered && input.vatNumber && !existing?.publicKey) {
    const keys = newStampKeys(await stampSecret());
    const { certificateSignature } = await (await taxAuthority()).onboard({ vatNumber: input.vatNumber, publicKey: keys.publicKey });
    stamp = { ...keys, certificateSignature };
  }
  // Made with the key, or the key kept: two saves at once never give a store two keys.
  await db.$transaction(async (tx) => {
    await tx.taxProfile.upsert({ where: { storeId: ctx.storeId }, create: { storeId: ctx.storeId, ...data, ...stamp }, update: data });
    if (stamp) await tx.taxProfile.updateMany({ where: { storeId: ctx.storeId, publicKey: null }, data: stamp });
  });
  return getTaxProfile(ctx);
}
