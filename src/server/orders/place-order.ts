import { vatLines, vatTotals } from "@/server/tax/vat";
import { issueInvoiceInTx } from "@/server/tax/issue-documents";
import { db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue, type FieldIssues } from "@/server/errors/app-error";
import { lineTotal, sumMinor } from "@/server/money/money";
import { phoneSearchForms } from "@/lib/phone";
import { claimIdempotencyKey, requestHash, saveIdempotentResponse } from "@/server/idempotency/claim-idempotency-key";
import { chooseShippingBranch, computeAvailability } from "./availability";
import { toOrderDto, type OrderDto } from "./order-dto";
import { selectOrderRow, storeOrdersSql } from "./order-queries";
import { paymentMethodToDb, paymentStatusToDb } from "./order-status";
import type { PlaceOrderInput } from "./schemas";
import { actorFields, orderEvent } from "./order-events";
import { notifyUsers, orderAudience } from "@/server/notifications/notify-users";
import { notification } from "@/server/notifications/notification-types";
import { loadStock } from "./load-stock";
import { codDecision, type CodDecision } from "@/server/customers/customer-risk";
import { codTermsDecision, readCodTerms } from "./cod-terms";
import { formatMoney } from "@/server/money/money";
import { readConfirmationSettings, requestConfirmationInTx } from "./cod-confirmation";
import { shouldAsk } from "./confirmation-rules";

type PlaceOrderOptions = { source: "STOREFRONT" | "API" | "MANUAL"; idempotencyKey?: string };

export type PlaceOrderResult = { order: OrderDto; replayed: boolean };

/**
 * A storefront, an integration or the merchant places an order. Prices come from the store's catalog
 * now, never from the caller. The order, its number, its customer and its first timeline event are
 * written in one transaction.
 */
export async function placeOrder(ctx: StoreContext, input: PlaceOrderInput, options: PlaceOrderOptions): Promise<PlaceOrderResult> {
  try {
    return await placeOrderInTransaction(ctx, input, options);
  } catch (error) {
    if (!(error instanceof BlockedCustomer)) throw error;
    // Kept outside the refused transaction, so the merchant sees every attempt.
    await db.intakeRefusal.create({
      data: {
        storeId: ctx.storeId,
        customerId: error.customerId,
        phone: input.customer.phone,
        email: input.customer.email ?? null,
        total: error.total,
        source: options.source.toLowerCase(),
      },
    });
    throw new AppError("CUSTOMER_BLOCKED", "This customer is blocked by the store; the order was not accepted.", {
      fields: { "customer.phone": issue("blockedCustomer") },
    });
  }
}

class BlockedCustomer extends Error {
  constructor(
    readonly customerId: string,
    readonly total: number,
  ) {
    super("blocked customer");
  }
}

async function placeOrderInTransaction(ctx: StoreContext, input: PlaceOrderInput, options: PlaceOrderOptions): Promise<PlaceOrderResult> {
  return db.$transaction(async (tx) => {
    const claim = options.idempotencyKey
      ? { storeId: ctx.storeId, scope: "orders.create", key: options.idempotencyKey, requestHash: requestHash(input) }
      : null;
    if (claim) {
      const previous = await claimIdempotencyKey<OrderDto>(tx, claim);
      if (previous) return { order: previous.replay, replayed: true };
    }

    const lines = await priceLines(tx, ctx.storeId, input.items);
    const branches = await tx.branch.findMany({
      where: { storeId: ctx.storeId, archivedAt: null },
      select: { id: true, name: true, isDefault: true },
    });
    const stock = await loadStock(
      tx,
      ctx.storeId,
      lines.map((l) => l.variantId),
    );
    const availability = computeAvailability(
      lines.map((l, i) => ({ lineId: String(i), variantId: l.variantId, quantity: l.quantity })),
      branches,
      stock,
    );
    const branchId = chooseShippingBranch(availability, branches);

    const subtotal = sumMinor(lines.map((l) => l.lineTotal));
    // Cash on delivery on the store's terms for the city: offered for the order's value (before the fee)
    // within its limits, and its fee added to the total.
    let codFee = 0;
    if (input.payment.method === "cash_on_delivery") {
      const { codTerms, currency } = await tx.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { codTerms: true, currency: true } });
      const value = sumMinor([subtotal, input.shipping.fee]);
      const terms = codTermsDecision(readCodTerms(codTerms), input.shipping.city, value);
      if (!terms.offered) {
        const limit = { money: terms.limit, currency };
        const below = terms.rule === "below_minimum";
        throw new AppError(
          "COD_NOT_ALLOWED",
          `Cash on delivery is offered for orders of ${below ? "at least" : "at most"} ${formatMoney(terms.limit, currency, "en")}.`,
          {
            say: { key: below ? "codBelowMinimum" : "codAboveMaximum", params: { limit } },
            fields: { "payment.method": issue(below ? "codBelowMinimum" : "codAboveMaximum", { limit }) },
            details: { terms: { rule: terms.rule, limit: terms.limit, value, city: terms.city } },
          },
        );
      }
      codFee = terms.fee;
    }
    // VAT, when the store is registered: inside the catalog's prices, or added to them, line by line
    // as the invoice will reckon it (tax/vat.ts), so the order's total is the invoice's to the halala.
    const tax = await tx.taxProfile.findUnique({
      where: { storeId: ctx.storeId },
      select: { vatRegistered: true, vatNumber: true, vatRateBp: true, pricesIncludeVat: true, issueOn: true },
    });
    const vatMode = tax?.vatRegistered && tax.vatNumber ? { rateBp: tax.vatRateBp, pricesIncludeVat: tax.pricesIncludeVat } : null;
    const vat = vatMode
      ? vatTotals(
          vatLines(
            [
              ...lines.map((l) => ({ name: l.name, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
              { name: "shipping", sku: null, quantity: 1, unitPrice: input.shipping.fee },
              { name: "cod", sku: null, quantity: 1, unitPrice: codFee },
            ],
            vatMode,
          ),
        )
      : null;
    const total = vat ? vat.gross : sumMinor([subtotal, input.shipping.fee, codFee]);

    // A blocked customer is matched by phone, and by email when one is given.
    const blocked = await tx.customer.findFirst({
      where: {
        storeId: ctx.storeId,
        blockedAt: { not: null },
        OR: [{ phone: input.customer.phone }, ...(input.customer.email ? [{ email: { equals: input.customer.email, mode: "insensitive" as const } }] : [])],
      },
      select: { id: true },
    });
    if (blocked) throw new BlockedCustomer(blocked.id, total);

    // Cash on delivery withheld from a customer whose risk band the store set so, this order counted.
    let cod: CodDecision | null = null;
    if (input.payment.method === "cash_on_delivery") {
      cod = await codDecision(tx, ctx.storeId, input.customer.phone, {
        total,
        cod: true,
        address: input.shipping.address,
        shortAddress: input.shipping.shortAddress,
        buildingNumber: input.shipping.buildingNumber,
      });
      if (!cod.offered)
        throw new AppError(
          "COD_NOT_ALLOWED",
          `Cash on delivery is not offered to this customer (risk ${cod.score} of 100: ${cod.reasons.map((r) => r.factor).join(", ")}).`,
          {
            say: { key: "codNotAllowed", params: { score: cod.score } },
            fields: { "payment.method": issue("codNotAllowed") },
            details: { risk: { score: cod.score, band: cod.band, reasons: cod.reasons } },
          },
        );
    }

    // Matched by phone, created when new. ON CONFLICT DO NOTHING: two first orders of one new customer
    // arriving together both find the one row instead of one failing on the unique key.
    await tx.customer.createMany({
      data: [
        {
          storeId: ctx.storeId,
          name: input.customer.name,
          phone: input.customer.phone,
          email: input.customer.email,
          city: input.shipping.city,
          address: input.shipping.address,
          shortAddress: input.shipping.shortAddress ?? null,
          buildingNumber: input.shipping.buildingNumber ?? null,
          additionalNumber: input.shipping.additionalNumber ?? null,
          locale: input.customer.locale ?? null,
        },
      ],
      skipDuplicates: true,
    });
    const customer = await tx.customer.findUniqueOrThrow({ where: { storeId_phone: { storeId: ctx.storeId, phone: input.customer.phone } } });
    // What the storefront learned since: an email first given now, the language shopped in now.
    const learned = {
      ...(!customer.email && input.customer.email ? { email: input.customer.email } : {}),
      ...(input.shipping.shortAddress && input.shipping.shortAddress !== customer.shortAddress ? { shortAddress: input.shipping.shortAddress } : {}),
      ...(input.shipping.buildingNumber && input.shipping.buildingNumber !== customer.buildingNumber ? { buildingNumber: input.shipping.buildingNumber } : {}),
      ...(input.shipping.additionalNumber && input.shipping.additionalNumber !== customer.additionalNumber
        ? { additionalNumber: input.shipping.additionalNumber }
        : {}),
      ...(input.customer.locale && input.customer.locale !== customer.locale ? { locale: input.customer.locale } : {}),
    };
    if (Object.keys(learned).length) await tx.customer.update({ where: { storeId_id: { storeId: ctx.storeId, id: customer.id } }, data: learned });

    // Taking the number locks the store's counter row until commit: concurrent intakes of one store queue
    // here, and a rolled-back intake gives its number back, so numbers stay unique and gapless. The store's
    // first order makes the row (the upsert decides a race between two first orders).
    const [{ number }] = await tx.$queryRaw<{ number: number }[]>`
      INSERT INTO store_order_counters ("storeId", "nextNumber") VALUES (${ctx.storeId}::uuid, 1002)
      ON CONFLICT ("storeId") DO UPDATE SET "nextNumber" = store_order_counters."nextNumber" + 1
      RETURNING "nextNumber" - 1 AS number`;
    const store = await tx.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { currency: true, confirmationSettings: true } });

    const created = await tx.order.create({
      data: {
        storeId: ctx.storeId,
        number,
        source: options.source,
        customerId: customer.id,
        customerName: input.customer.name,
        customerPhone: input.customer.phone,
        customerEmail: input.customer.email ?? null,
        paymentMethod: paymentMethodToDb(input.payment.method),
        paymentStatus: paymentStatusToDb(input.payment.status),
        currency: store.currency,
        subtotal,
        shippingFee: input.shipping.fee,
        codFee,
        heldAt: cod?.offered && cod.hold ? new Date() : null,
        // The customer's risk as this COD order was weighed.
        ...(cod?.offered ? { riskScore: cod.risk.score, riskBand: cod.risk.band, riskReasons: cod.risk.reasons } : {}),
        taxTotal: vat?.vat ?? 0,
        vatRateBp: vatMode?.rateBp ?? null,
        pricesIncludeVat: vatMode?.pricesIncludeVat ?? null,
        total,
        itemsCount: lines.reduce((n, l) => n + l.quantity, 0),
        shippingName: input.shipping.name ?? input.customer.name,
        shippingPhone: input.shipping.phone ?? input.customer.phone,
        shippingCountry: input.shipping.country,
        shippingCity: input.shipping.city,
        shippingDistrict: input.shipping.district ?? null,
        shippingAddress: input.shipping.address,
        shippingPostalCode: input.shipping.postalCode ?? null,
        shippingBuildingNumber: input.shipping.buildingNumber ?? null,
        shippingAdditionalNumber: input.shipping.additionalNumber ?? null,
        shippingShortAddress: input.shipping.shortAddress ?? null,
        shippingMethod: input.shipping.method,
        branchId,
        searchText: orderSearchText(number, input.customer.name, input.customer.phone, input.customer.email),
        items: {
          create: lines.map((l) => ({
            variantId: l.variantId,
            sku: l.sku,
            name: l.name,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            lineTotal: l.lineTotal,
          })),
        },
        events: {
          create: {
            ...orderEvent("order.placed", {
              source: options.source.toLowerCase() as "storefront" | "api" | "manual",
              total,
              currency: store.currency,
              itemsCount: lines.length,
            }),
            ...actorFields(ctx.actor),
          },
        },
      },
      select: { id: true },
    });
    // Held for a person's review by the customer's risk band: on the timeline with the reasons.
    if (cod?.offered && cod.hold)
      await tx.orderEvent.create({
        data: { storeId: ctx.storeId, orderId: created.id, ...orderEvent("order.held", cod.risk), actorType: "SYSTEM", actorName: "Tajer" },
      });
    // Cash on delivery the customer confirms first: by the store's setting, or their risk band's.
    const confirmation = readConfirmationSettings(store.confirmationSettings);
    const ask = shouldAsk(confirmation, { cod: !!cod?.offered, bandAsks: !!cod?.offered && cod.confirm });
    if (ask)
      await requestConfirmationInTx(tx, { storeId: ctx.storeId, orderId: created.id, total, currency: store.currency, reason: ask, settings: confirmation });
    // The store invoices on placing: the invoice is part of the order's own transaction.
    if (tax?.issueOn === "ON_PLACING") await issueInvoiceInTx(tx, ctx.storeId, created.id, ctx.actor);
    const row = await selectOrderRow(tx, ctx.storeId, storeOrdersSql(ctx.storeId), created.id);
    if (!row) throw new Error("the order just created was not found");
    const order = toOrderDto(row);
    await notifyUsers(tx, {
      storeId: ctx.storeId,
      userIds: await orderAudience(tx, ctx.storeId, null),
      orderId: order.id,
      ...notification("order.created", { number, total, currency: store.currency, customerName: input.customer.name }),
    });
    if (claim) await saveIdempotentResponse(tx, claim, 201, order);
    return { order, replayed: false };
  });
}

/** Lower-cased text the orders list searches: number, name, phone in the forms people type, email. */
export function orderSearchText(number: number, name: string, phone: string, email?: string | null): string {
  return [String(number), name, ...phoneSearchForms(phone), email ?? ""].join(" ").toLowerCase().trim();
}

async function priceLines(tx: Tx, storeId: string, items: PlaceOrderInput["items"]) {
  const skus = [...new Set(items.map((i) => i.sku))];
  const variants = await tx.productVariant.findMany({
    where: { storeId, sku: { in: skus } },
    include: { product: { select: { name: true } } },
  });
  const bySku = new Map(variants.map((v) => [v.sku, v]));
  const unknown: FieldIssues = {};
  items.forEach((item, index) => {
    const variant = bySku.get(item.sku);
    if (!variant) unknown[`items.${index}.sku`] = issue("skuUnknown", { sku: item.sku });
    else if (!variant.active) unknown[`items.${index}.sku`] = issue("skuRetired", { sku: item.sku });
  });
  if (Object.keys(unknown).length) {
    const skus = items
      .filter((_, i) => unknown[`items.${i}.sku`])
      .map((item) => item.sku)
      .join(", ");
    const error = new AppError("UNKNOWN_SKU", "", { fields: unknown, say: { key: "unknownSku", params: { skus } } });
    throw Object.assign(error, { message: `Unknown or unavailable product: ${Object.values(error.fields ?? {}).join("; ")}` });
  }
  return items.map((item) => {
    const v = bySku.get(item.sku)!;
    const name = v.optionLabel ? `${v.product.name} — ${v.optionLabel}` : v.product.name;
    return { variantId: v.id, sku: v.sku, name, quantity: item.quantity, unitPrice: v.price, lineTotal: lineTotal(v.price, item.quantity) };
  });
}
