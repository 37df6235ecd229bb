import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, isAppError, notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { claimIdempotencyKey, requestHash, saveIdempotentResponse } from "@/server/idempotency/claim-idempotency-key";
import { actorFields } from "@/server/orders/order-events";
import { visibleOrders } from "@/server/orders/order-scope";
import { amountToCollect, paymentMethodFromDb, paymentStatusFromDb } from "@/server/orders/order-status";
import { transitionOrderInTx } from "@/server/orders/transition-order";
import { creditWallet, debitWallet } from "@/server/wallet/ledger";
import { CarrierError, type CarrierAdapter } from "./carrier-adapter";
import { CARRIERS, CARRIER_IDS, supportsHandover, type CarrierId } from "./carriers";
import { packagesInput, toPackages } from "./quote-rates";
import { quote } from "./weights";

export const issueLabelInput = z.strictObject({
  branchId: z.uuid(),
  carrier: z.enum(CARRIER_IDS),
  packages: packagesInput,
  handover: z.enum(["pickup", "dropoff"]),
  pickupAt: z.iso.datetime().optional(),
});
export type IssueLabelInput = z.output<typeof issueLabelInput>;

export type LabelDto = {
  id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  labelUrl: string;
  cost: number;
  currency: string;
  handover: string;
  status: string;
};

type Deps = { adapters: Record<CarrierId, CarrierAdapter>; /** Overrides CARRIER_TIMEOUT_MS (tests). */ answerWithinMs?: number };

/**
 * Buys a shipping label from the store's wallet. Three steps, each safe on its own:
 * 1. one transaction: check everything, record the shipment as PENDING and debit the wallet;
 * 2. ask the carrier, naming our shipment id as the reference (a repeat never makes a second parcel);
 * 3. one transaction: the shipment gets its tracking number and the order ships — or, if the carrier
 *    refused, the shipment fails and the debit is refunded.
 * A crash between 1 and 3 leaves a PENDING shipment that `reconcileLabels` settles from the carrier's
 * own record. So: no label without a debit, no debit without a label or a refund.
 */
export async function issueLabel(ctx: StoreContext, unverifiedOrderId: string, input: IssueLabelInput, options: { idempotencyKey?: string }, deps: Deps): Promise<LabelDto> {
  if (!isUuid(unverifiedOrderId)) throw notFound("Order");
  const claimFor = (key: string) => ({ storeId: ctx.storeId, scope: `labels:${unverifiedOrderId}`, key, requestHash: requestHash(input) });

  const started = await db.$transaction(async (tx) => {
    if (options.idempotencyKey) {
      const previous = await claimIdempotencyKey<{ shipmentId: string }>(tx, claimFor(options.idempotencyKey));
      if (previous) return { kind: "replay" as const, shipmentId: previous.replay.shipmentId };
    }
    const order = await tx.order.findFirst({
      where: { ...visibleOrders(ctx), id: unverifiedOrderId },
      select: { id: true, status: true, paymentMethod: true, paymentStatus: true, total: true, currency: true },
    });
    if (!order) throw notFound("Order");
    if (order.status !== "IN_PROGRESS") {
      throw new AppError("ORDER_INVALID_TRANSITION", "A label is issued for an order in progress.", { details: { from: order.status.toLowerCase(), allowed: [] } });
    }
    // One label at a time: while one waits for its carrier's answer, a second would be a second charge.
    const waiting = await tx.shipment.findFirst({ where: { storeId: ctx.storeId, orderId: order.id, status: "PENDING" }, select: { carrier: true } });
    if (waiting) {
      throw new AppError("CONFLICT", `A label for this order is still waiting for ${CARRIERS[waiting.carrier as CarrierId].name}'s answer: it will be issued, or its charge refunded, automatically.`);
    }
    const account = await tx.carrierAccount.findUnique({ where: { storeId_carrier: { storeId: ctx.storeId, carrier: input.carrier } } });
    if (!account?.enabled) throw new AppError("VALIDATION_FAILED", `${CARRIERS[input.carrier].name} is not enabled for this store.`, { fields: { carrier: "is not enabled for this store" } });
    if (!supportsHandover(input.carrier, input.handover)) {
      throw new AppError("HANDOVER_NOT_SUPPORTED", `${CARRIERS[input.carrier].name} does not pick up parcels: drop it at one of its branches.`, {
        fields: { handover: `${input.carrier} offers: dropoff` },
      });
    }
    if (input.handover === "pickup" && !input.pickupAt) throw new AppError("VALIDATION_FAILED", "Choose when the carrier should pick up.", { fields: { pickupAt: "is required for a pickup" } });
    const branch = await tx.branch.findFirst({ where: { storeId: ctx.storeId, id: input.branchId, archivedAt: null }, select: { id: true } });
    if (!branch) throw new AppError("VALIDATION_FAILED", "That branch does not exist.", { fields: { branchId: "is not a branch of this store" } });

    const packages = toPackages(input.packages);
    const codAmount = amountToCollect(paymentMethodFromDb(order.paymentMethod), paymentStatusFromDb(order.paymentStatus), order.total);
    const price = quote(packages, account, { cashOnDelivery: codAmount > 0 });
    const shipment = await tx.shipment.create({
      data: {
        storeId: ctx.storeId,
        orderId: order.id,
        kind: "CARRIER",
        carrier: input.carrier,
        courierName: CARRIERS[input.carrier].name,
        status: "PENDING",
        branchId: branch.id,
        handover: input.handover,
        pickupAt: input.pickupAt ? new Date(input.pickupAt) : null,
        packages: input.packages,
        actualGrams: packages.reduce((g, p) => g + p.weightGrams, 0),
        chargeableGrams: price.chargeableGrams,
        cost: price.price,
        currency: order.currency,
        codAmount,
      },
    });
    await debitWallet(tx, ctx.storeId, price.price, { kind: "LABEL", orderId: order.id, shipmentId: shipment.id, reference: CARRIERS[input.carrier].name, actorName: ctx.actor.name });
    if (options.idempotencyKey) await saveIdempotentResponse(tx, claimFor(options.idempotencyKey), 201, { shipmentId: shipment.id });
    return { kind: "new" as const, shipmentId: shipment.id };
  });

  if (started.kind === "replay") return waitForLabel(ctx, started.shipmentId);
  return completeLabel(ctx, started.shipmentId, deps);
}

/** Asks the carrier for a PENDING shipment and records the outcome (steps 2 and 3). */
export async function completeLabel(ctx: StoreContext, shipmentId: string, deps: Deps): Promise<LabelDto> {
  const shipment = await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: shipmentId } }, include: { order: true } });
  if (shipment.status !== "PENDING") return toLabelDto(shipment);
  const carrier = shipment.carrier as CarrierId;
  const adapter = deps.adapters[carrier];
  const [account, branch] = await Promise.all([
    db.carrierAccount.findUnique({ where: { storeId_carrier: { storeId: ctx.storeId, carrier } } }),
    db.branch.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: shipment.branchId! } } }),
  ]);
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { name: true } });
  const asked = adapter.createShipment({
    reference: shipment.id,
    accountNumber: account?.accountNumber ?? null,
    from: { name: store.name, phone: branch?.phone ?? "", city: branch?.city ?? "", district: branch?.district, address: branch?.address ?? "", country: "SA" },
    to: {
      name: shipment.order.shippingName,
      phone: shipment.order.shippingPhone,
      city: shipment.order.shippingCity,
      district: shipment.order.shippingDistrict,
      address: shipment.order.shippingAddress,
      country: shipment.order.shippingCountry,
    },
    packages: toPackages(shipment.packages as never),
    codAmount: shipment.codAmount,
    currency: shipment.currency,
    handover: shipment.handover as "pickup" | "dropoff",
    pickupAt: shipment.pickupAt,
  });
  // The carrier's answer, however late, settles the label: issued, or refunded when it refused.
  const settled = asked.then(
    (created) => recordCreated(ctx, shipment.id, created.trackingNumber, adapter),
    async (error: unknown) => {
      if (!(error instanceof CarrierError)) throw error;
      await refundFailed(ctx, shipment.id, error.message);
      throw new AppError("CARRIER_ERROR", `${CARRIERS[carrier].name} could not issue the label: ${error.message} Nothing was charged.`, { details: { retryable: error.retryable } });
    },
  );
  // Nobody waits on the carrier for ever: past the limit the label stays pending (the user is told),
  // the late answer still settles it, and if this process stops first, reconciliation does.
  const limit = deps.answerWithinMs ?? CARRIER_ANSWER_WITHIN_MS;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), limit)));
  const outcome = await Promise.race([settled, late]).finally(() => clearTimeout(timer));
  if (outcome !== "late") return outcome;
  settled.catch(() => undefined);
  return toLabelDto(shipment);
}

/** How long a request waits for the carrier before answering "pending" (CARRIER_TIMEOUT_MS). */
const CARRIER_ANSWER_WITHIN_MS = Number(process.env.CARRIER_TIMEOUT_MS ?? 20_000);

async function recordCreated(ctx: StoreContext, shipmentId: string, trackingNumber: string, adapter: CarrierAdapter): Promise<LabelDto> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.shipment.updateMany({ where: { storeId: ctx.storeId, id: shipmentId, status: "PENDING" }, data: { status: "CREATED", trackingNumber } });
    const shipment = await tx.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: shipmentId } } });
    if (count === 1) {
      await tx.orderEvent.create({
        data: {
          storeId: ctx.storeId,
          orderId: shipment.orderId,
          type: "label.issued",
          ...actorFields(ctx.actor),
          data: { carrier: shipment.carrier, trackingNumber, cost: shipment.cost, currency: shipment.currency, handover: shipment.handover },
        },
      });
      await transitionOrderInTx(tx, ctx, shipment.orderId, { to: "shipped", notifyCustomer: true }, { labelTrackingUrl: adapter.trackingUrl(trackingNumber) });
    }
    return toLabelDto(shipment);
  });
}

async function refundFailed(ctx: StoreContext, shipmentId: string, reason: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.shipment.updateMany({ where: { storeId: ctx.storeId, id: shipmentId, status: "PENDING" }, data: { status: "FAILED", failureReason: reason.slice(0, 500) } });
    if (count !== 1) return;
    const shipment = await tx.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: shipmentId } } });
    await creditWallet(tx, ctx.storeId, shipment.cost, { kind: "REFUND", orderId: shipment.orderId, shipmentId, reference: `Label not issued: ${reason}`.slice(0, 200), actorName: "Tajer" });
    await tx.orderEvent.create({ data: { storeId: ctx.storeId, orderId: shipment.orderId, type: "label.failed", actorType: "SYSTEM", actorName: "Tajer", data: { carrier: shipment.carrier, reason, refunded: shipment.cost } } });
  });
}

/** A replay of a request whose label is still being bought: wait briefly for the first one's outcome. */
async function waitForLabel(ctx: StoreContext, shipmentId: string): Promise<LabelDto> {
  for (let i = 0; i < 100; i++) {
    const shipment = await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: shipmentId } } });
    if (shipment.status === "FAILED") throw new AppError("CARRIER_ERROR", `The label could not be issued: ${shipment.failureReason ?? "carrier error"}. Nothing was charged.`);
    if (shipment.status !== "PENDING") return toLabelDto(shipment);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new AppError("CONFLICT", "This label is still being issued. Try again in a moment.");
}

/**
 * Settles PENDING shipments older than `olderThanMs` (their process died between debit and answer):
 * the carrier's own record decides — label kept and the order ships, or the debit is refunded.
 */
export async function reconcileLabels(deps: Deps, options: { olderThanMs?: number } = {}): Promise<{ completed: number; refunded: number; waiting: number }> {
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? 60_000));
  const stuck = await db.shipment.findMany({ where: { status: "PENDING", createdAt: { lt: cutoff } }, select: { storeId: true, id: true, carrier: true }, take: 100 });
  let completed = 0;
  let refunded = 0;
  let waiting = 0;
  for (const s of stuck) {
    const ctx: StoreContext = { storeId: s.storeId, role: "OWNER", actor: { type: "SYSTEM", id: null, name: "Tajer" } };
    const adapter = deps.adapters[s.carrier as CarrierId];
    let known: Awaited<ReturnType<CarrierAdapter["findShipment"]>>;
    try {
      known = await adapter.findShipment(s.id);
    } catch (error) {
      // The carrier is down: ask again next round; the others are settled meanwhile.
      if (error instanceof CarrierError) {
        waiting++;
        continue;
      }
      throw error;
    }
    try {
      if (known) {
        await recordCreated(ctx, s.id, known.trackingNumber, adapter);
        completed++;
      } else {
        await refundFailed(ctx, s.id, "the carrier has no record of this label (interrupted)");
        refunded++;
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
  }
  return { completed, refunded, waiting };
}

function toLabelDto(s: { id: string; orderId: string; carrier: string | null; trackingNumber: string | null; cost: number; currency: string; handover: string | null; status: string }): LabelDto {
  const carrier = s.carrier as CarrierId;
  return {
    id: s.id,
    orderId: s.orderId,
    carrier,
    trackingNumber: s.trackingNumber,
    trackingUrl: s.trackingNumber ? CARRIERS[carrier].trackingUrl(s.trackingNumber) : null,
    labelUrl: `/api/v1/shipments/${s.id}/label`,
    cost: s.cost,
    currency: s.currency,
    handover: s.handover ?? "dropoff",
    status: s.status.toLowerCase(),
  };
}
