import { z } from "zod";
import { entryReference } from "@/server/wallet/entry-reference";
import { db, type Tx } from "@/server/db/client";
import { systemContext, type StoreContext } from "@/server/auth/context";
import { AppError, issue, isAppError, notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { claimIdempotencyKey, requestHash, saveIdempotentResponse } from "@/server/idempotency/claim-idempotency-key";
import { actorFields, orderEvent } from "@/server/orders/order-events";
import { amountToCollect, paymentMethodFromDb, paymentStatusFromDb } from "@/server/orders/order-status";
import { transitionOrderInTx } from "@/server/orders/transition-order";
import { creditWallet, debitWallet } from "@/server/wallet/ledger";
import { assertPackedForLabel } from "@/server/packing/packing-settings";
import { lockOrder } from "@/server/orders/lock-order";
import { assertLabelAllowedUnconfirmed } from "@/server/orders/cod-confirmation";
import { missingOrderAddressParts, type OrderAddressColumns } from "@/server/tax/tax-rules";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { CarrierError, type CarrierAdapter } from "./carrier-adapter";
import { CARRIERS, CARRIER_IDS, isCarrierId, supportsHandover, type CarrierId } from "./carriers";
import { answerWithin, CARRIER_ANSWER_WITHIN_MS, LATE } from "./answer-within";
import { labelRefusal, SETTLED_LABEL_STATUSES, type LabelRefusal } from "./label-rules";
import { settleVoid, settleVoidFromRecord } from "./void-label";
import { toLabelDto, type LabelDto } from "./label-dto";
export type { LabelDto } from "./label-dto";
import { packagesInput, toPackages } from "./quote-rates";
import { labelPrice } from "./label-pricing";
import { pickupRefusal } from "./pickup-slots";
import { moveShipment } from "./move-shipment";
import type { WorkingHours } from "./branch-schemas";
import { cityKey } from "./cities";

export const issueLabelInput = z.strictObject({
  branchId: z.uuid(),
  carrier: z.enum(CARRIER_IDS),
  packages: packagesInput,
  handover: z.enum(["pickup", "dropoff"]),
  pickupAt: z.iso.datetime({ offset: true }).optional(),
});
export type IssueLabelInput = z.output<typeof issueLabelInput>;

export type LabelDeps = { adapters: Record<CarrierId, CarrierAdapter>; /** Overrides CARRIER_TIMEOUT_MS (tests). */ answerWithinMs?: number };
type Deps = LabelDeps;

/**
 * Buys a shipping label from the store's wallet. Three steps, each safe on its own:
 * 1. one transaction, under the order's row lock: decide (the order is in progress and has no live
 *    label), record the shipment as PENDING and debit the wallet. Of two requests for one order, the
 *    second waits for the lock and is refused (409) before anything is charged or any carrier is asked;
 *    a partial unique index (one live label per order) holds it even for a caller that skips the lock;
 * 2. ask the carrier, naming our shipment id as the reference (a repeat never makes a second parcel);
 * 3. one transaction: the shipment gets its tracking number and the order ships — or, if the carrier
 *    refused, the shipment fails and the debit is refunded; or, if the order moved on meanwhile
 *    (canceled, shipped another way), the label is voided at the carrier and refunded.
 * A crash between 1 and 3 leaves a PENDING shipment that `reconcileLabels` settles from the carrier's
 * own record. So: no label without a debit, no debit without a label or a refund.
 */
export async function issueLabel(
  ctx: StoreContext,
  unverifiedOrderId: string,
  input: IssueLabelInput,
  options: { idempotencyKey?: string },
  deps: Deps,
): Promise<LabelDto> {
  if (!isUuid(unverifiedOrderId)) throw notFound("Order");
  const claimFor = (key: string) => ({ storeId: ctx.storeId, scope: `labels:${unverifiedOrderId}`, key, requestHash: requestHash(input) });

  const started = await db
    .$transaction(async (tx) => {
      if (options.idempotencyKey) {
        const previous = await claimIdempotencyKey<{ shipmentId: string }>(tx, claimFor(options.idempotencyKey));
        if (previous) return { kind: "replay" as const, shipmentId: previous.replay.shipmentId };
      }
      const order = await lockOrder(tx, ctx, unverifiedOrderId);
      if (!order) throw notFound("Order");
      const live = await tx.shipment.findFirst({
        where: { storeId: ctx.storeId, orderId: order.id, kind: "CARRIER", status: { notIn: [...SETTLED_LABEL_STATUSES] } },
        select: { carrier: true, status: true },
      });
      const refusal = labelRefusal(order.status, live?.status ?? null);
      if (refusal) throw labelRefusalError(refusal, order.status, live?.carrier ?? null);
      await assertLabelAllowedUnconfirmed(tx, ctx.storeId, order.confirmation);
      await assertPackedForLabel(tx, ctx.storeId, order.id);
      const account = await tx.carrierAccount.findUnique({ where: { storeId_carrier: { storeId: ctx.storeId, carrier: input.carrier } } });
      if (!account?.enabled)
        throw new AppError("VALIDATION_FAILED", `${CARRIERS[input.carrier].name} is not enabled for this store.`, {
          say: { key: "carrierNotEnabled", params: { carrier: { carrier: input.carrier } } },
          fields: { carrier: issue("carrierNotEnabled") },
        });
      await assertNationalAddress(tx, ctx.storeId, order.id, input.carrier);
      if (!supportsHandover(input.carrier, input.handover)) {
        throw new AppError("HANDOVER_NOT_SUPPORTED", `${CARRIERS[input.carrier].name} does not pick up parcels: drop it at one of its branches.`, {
          fields: { handover: issue("dropoffOnly", { carrier: { carrier: input.carrier } }) },
          say: { key: "dropoffOnly", params: { carrier: { carrier: input.carrier } } },
        });
      }
      if (input.handover === "pickup" && !input.pickupAt)
        throw new AppError("VALIDATION_FAILED", "Choose when the carrier should pick up.", {
          say: { key: "choosePickupTime" },
          fields: { pickupAt: issue("requiredForPickup") },
        });
      const branch = await tx.branch.findFirst({
        where: { storeId: ctx.storeId, id: input.branchId, archivedAt: null },
        select: { id: true, workingHours: true },
      });
      if (!branch)
        throw new AppError("VALIDATION_FAILED", "That branch does not exist.", { say: { key: "noSuchBranch" }, fields: { branchId: issue("notBranch") } });
      if (input.handover === "pickup" && input.pickupAt) {
        const store = await tx.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { timeZone: true } });
        const refusal = pickupRefusal(
          new Date(input.pickupAt),
          branch.workingHours as WorkingHours,
          CARRIERS[input.carrier].pickupHours,
          store.timeZone,
          new Date(),
        );
        if (refusal) {
          throw new AppError(
            "PICKUP_SLOT_UNAVAILABLE",
            refusal === "past"
              ? "A pickup must be booked at least an hour ahead."
              : `The branch is closed, or ${CARRIERS[input.carrier].name} does not pick up, at that time.`,
            {
              fields: { pickupAt: issue(refusal === "past" ? "pickupTooSoon" : "pickupOutsideHours") },
              details: { reason: refusal },
              say: refusal === "past" ? { key: "pickupTooSoon" } : { key: "pickupOutsideHours", params: { carrier: { carrier: input.carrier } } },
            },
          );
        }
      }

      const packages = toPackages(input.packages);
      const codAmount = amountToCollect(paymentMethodFromDb(order.paymentMethod), paymentStatusFromDb(order.paymentStatus), order.total);
      const price = labelPrice(input.carrier, account, packages, { cashOnDelivery: codAmount > 0 });
      const shipment = await tx.shipment.create({
        data: {
          storeId: ctx.storeId,
          orderId: order.id,
          kind: "CARRIER",
          carrier: input.carrier,
          destinationCity: cityKey(order.shippingCity),
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
          billing: price.billing,
        },
      });
      // On the store's own carrier account with no platform fee, there is nothing to debit.
      if (price.price > 0) {
        await debitWallet(tx, ctx.storeId, price.price, {
          kind: "LABEL",
          orderId: order.id,
          shipmentId: shipment.id,
          reference: entryReference.labelCarrier(input.carrier),
          actorName: ctx.actor.name,
        });
      }
      if (options.idempotencyKey) await saveIdempotentResponse(tx, claimFor(options.idempotencyKey), 201, { shipmentId: shipment.id });
      return { kind: "new" as const, shipmentId: shipment.id };
    })
    .catch((error: unknown) => {
      // Only a caller that skipped the order's lock can get here; the index answers for the lock.
      if (isUniqueViolation(error, "shipments_one_live_label")) throw labelRefusalError("label_exists", "IN_PROGRESS", null);
      throw error;
    });

  if (started.kind === "replay") return waitForLabel(ctx, started.shipmentId);
  return completeLabel(ctx, started.shipmentId, deps);
}

function labelRefusalError(refusal: LabelRefusal, orderStatus: string, carrier: string | null): AppError {
  const name = carrier && isCarrierId(carrier) ? CARRIERS[carrier].name : "the carrier";
  switch (refusal) {
    case "label_pending":
      return new AppError(
        "LABEL_IN_PROGRESS",
        `A label for this order is still waiting for ${name}'s answer: it will be issued, or its charge refunded, automatically.`,
        {
          details: { reason: refusal, carrier },
          say: { key: "labelPending", params: { carrier: { carrier: carrier ?? "" } } },
        },
      );
    case "label_voiding":
      return new AppError("LABEL_IN_PROGRESS", `This order's ${name} label is being voided; wait for the carrier's answer.`, {
        details: { reason: refusal, carrier },
        say: { key: "labelBeingVoided", params: { carrier: { carrier: carrier ?? "" } } },
      });
    case "label_exists":
      return new AppError("LABEL_IN_PROGRESS", "This order already has a shipping label. Void it first to issue another.", {
        details: { reason: refusal, carrier },
        say: { key: "labelExists" },
      });
    case "order_not_in_progress":
      return new AppError("ORDER_INVALID_TRANSITION", "A label is issued for an order in progress.", {
        details: { from: orderStatus.toLowerCase(), allowed: [] },
        say: { key: "labelNeedsInProgress" },
      });
  }
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
    shipper: ctx.storeId,
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
    (created) => recordCreated(ctx, shipment.id, created.trackingNumber, deps),
    async (error: unknown) => {
      if (!(error instanceof CarrierError)) throw error;
      await refundFailed(ctx, shipment.id, error.message);
      throw new AppError("CARRIER_ERROR", `${CARRIERS[carrier].name} could not issue the label: ${error.message} Nothing was charged.`, {
        details: { retryable: error.retryable },
        say: { key: "carrierRefused", params: { carrier: { carrier }, reason: error.message } },
      });
    },
  );
  // Past the limit the label stays pending (the user is told), the late answer still settles it, and if
  // this process stops first, reconciliation does.
  const outcome = await answerWithin(settled, deps.answerWithinMs ?? CARRIER_ANSWER_WITHIN_MS);
  if (outcome === LATE) return toLabelDto(shipment);
  if (outcome.status === "voiding" || outcome.status === "voided") {
    throw new AppError("CONFLICT", "The order changed while the label was being bought, so the label is voided and its price refunded.", {
      details: { reason: "order_moved_on", label: outcome },
      say: { key: "orderMovedOn" },
    });
  }
  return outcome;
}

/**
 * The carrier created the label: it ships the order — unless the order can no longer take it (it was
 * canceled or shipped another way while the carrier was answering). Then the label is voided at the
 * carrier and refunded: a debit never waits in silence for an order that will not use it.
 */
async function recordCreated(ctx: StoreContext, shipmentId: string, trackingNumber: string, deps: Deps): Promise<LabelDto> {
  const adapter = deps.adapters;
  const recorded = await db.$transaction(async (tx) => {
    const { moved, shipment } = await moveShipment(tx, ctx.storeId, shipmentId, "PENDING", (order) =>
      order?.status === "IN_PROGRESS" ? { status: "CREATED", trackingNumber } : { status: "VOIDING", trackingNumber, voidReason: "order_moved_on" },
    );
    if (moved && shipment.status === "CREATED") {
      await tx.orderEvent.create({
        data: {
          storeId: ctx.storeId,
          orderId: shipment.orderId,
          ...orderEvent("label.issued", {
            carrier: shipment.carrier,
            trackingNumber,
            cost: shipment.cost,
            currency: shipment.currency,
            handover: shipment.handover,
          }),
          ...actorFields(ctx.actor),
        },
      });
      await transitionOrderInTx(
        tx,
        ctx,
        shipment.orderId,
        { to: "shipped", notifyCustomer: true },
        { labelTrackingUrl: adapter[shipment.carrier as CarrierId].trackingUrl(trackingNumber) },
      );
    }
    return shipment;
  });
  if (recorded.status === "VOIDING") return settleVoid(ctx, recorded.id, deps);
  return toLabelDto(recorded);
}

async function refundFailed(ctx: StoreContext, shipmentId: string, reason: string) {
  await db.$transaction(async (tx) => {
    const { moved, shipment } = await moveShipment(tx, ctx.storeId, shipmentId, "PENDING", () => ({ status: "FAILED", failureReason: reason.slice(0, 500) }));
    if (!moved) return;
    if (shipment.cost > 0) {
      await creditWallet(tx, ctx.storeId, shipment.cost, {
        kind: "REFUND",
        orderId: shipment.orderId,
        shipmentId,
        reference: entryReference.labelNotIssued(reason),
        actorName: "Tajer",
      });
    }
    await tx.orderEvent.create({
      data: {
        storeId: ctx.storeId,
        orderId: shipment.orderId,
        ...orderEvent("label.failed", { carrier: shipment.carrier, reason, refunded: shipment.cost }),
        actorType: "SYSTEM",
        actorName: "Tajer",
      },
    });
  });
}

/** A replay of a request whose label is still being bought: wait briefly for the first one's outcome. */
async function waitForLabel(ctx: StoreContext, shipmentId: string): Promise<LabelDto> {
  for (let i = 0; i < 100; i++) {
    const shipment = await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: shipmentId } } });
    if (shipment.status === "FAILED")
      throw new AppError("CARRIER_ERROR", `The label could not be issued: ${shipment.failureReason ?? "carrier error"}. Nothing was charged.`, {
        say: { key: "labelFailed" },
      });
    if (shipment.status === "VOIDING" || (shipment.status === "VOIDED" && shipment.voidReason === "order_moved_on")) {
      throw new AppError("CONFLICT", "The order changed while the label was being bought, so the label is voided and its price refunded.", {
        details: { reason: "order_moved_on" },
        say: { key: "orderMovedOn" },
      });
    }
    if (shipment.status !== "PENDING") return toLabelDto(shipment);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new AppError("LABEL_IN_PROGRESS", "This label is still being issued. Try again in a moment.", {
    details: { reason: "label_pending" },
    say: { key: "labelStillIssuing" },
  });
}

/**
 * Settles labels whose process died or whose carrier did not answer in time, from the carrier's own
 * record: a PENDING label is issued (or voided and refunded, if its order moved on) or refunded when the
 * carrier never made it; a VOIDING one is recorded as voided and refunded, asked again, or restored when
 * the carrier already has the parcel. A carrier that is down is asked again next round.
 */
export async function reconcileLabels(
  deps: Deps,
  options: { olderThanMs?: number } = {},
): Promise<{ completed: number; refunded: number; voided: number; waiting: number }> {
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? 60_000));
  const stuck = await db.shipment.findMany({
    where: { status: { in: ["PENDING", "VOIDING"] }, updatedAt: { lt: cutoff } },
    select: { storeId: true, id: true, carrier: true, status: true },
    take: 100,
  });
  const tally = { completed: 0, refunded: 0, voided: 0, waiting: 0 };
  for (const s of stuck) {
    const ctx = systemContext(s.storeId);
    const adapter = deps.adapters[s.carrier as CarrierId];
    let known: Awaited<ReturnType<CarrierAdapter["findShipment"]>>;
    try {
      known = await adapter.findShipment(s.id);
    } catch (error) {
      // The carrier is down: ask again next round; the others are settled meanwhile.
      if (error instanceof CarrierError) {
        tally.waiting++;
        continue;
      }
      throw error;
    }
    try {
      if (s.status === "VOIDING") {
        const outcome = await settleVoidFromRecord(ctx, s.id, known, deps);
        if (outcome === "voided") tally.voided++;
        else if (outcome === "waiting") tally.waiting++;
      } else if (known) {
        const label = await recordCreated(ctx, s.id, known.trackingNumber, deps);
        if (label.status === "created") tally.completed++;
        else if (label.status === "voided") tally.voided++;
        else tally.waiting++;
      } else {
        await refundFailed(ctx, s.id, "the carrier has no record of this label (interrupted)");
        tally.refunded++;
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
  }
  return tally;
}

/**
 * A carrier that needs the national address gets a label for an incomplete one only where the store
 * warns (the label form says so); a store that refuses gets 422 naming what is missing.
 */
async function assertNationalAddress(tx: Tx, storeId: string, orderId: string, carrier: CarrierId) {
  if (!CARRIERS[carrier].needsNationalAddress) return;
  const [row] = await tx.$queryRaw<
    (OrderAddressColumns & { rule: string })[]
  >`SELECT s."nationalAddressRule" AS rule, o."shippingBuildingNumber", o."shippingAddress", o."shippingDistrict", o."shippingCity", o."shippingPostalCode", o."shippingShortAddress"
    FROM orders o JOIN stores s ON s.id = o."storeId" WHERE o."storeId" = ${storeId}::uuid AND o.id = ${orderId}::uuid`;
  if (!row || row.rule !== "refuse") return;
  const missing = missingOrderAddressParts(row);
  if (missing.length)
    throw new AppError("ADDRESS_INCOMPLETE", `${CARRIERS[carrier].name} needs the national address, and this order's lacks: ${missing.join(", ")}.`, {
      say: { key: "addressIncomplete", params: { carrier: { carrier }, missing: missing.join(", ") } },
      fields: { carrier: issue("required") },
    });
}
