import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue, notFound } from "@/server/errors/app-error";
import { rule } from "@/server/http/validation";
import { claimIdempotencyKey, requestHash, saveIdempotentResponse } from "@/server/idempotency/claim-idempotency-key";
import { lockOrder } from "@/server/orders/lock-order";
import { orderStatusFromDb } from "@/server/orders/order-status";
import { isUuid } from "@/server/ids";
import { visibleOrdersSql } from "@/server/orders/order-queries";
import { actorFields, orderEvent } from "@/server/orders/order-events";
import { announce } from "@/server/notifications/notify-users";
import { photoStorage } from "@/server/reviews/photo-storage";
import { processPhoto } from "@/server/reviews/photos";
import { MAX_SCANS, tallyScans, type PackResult } from "@/lib/pack-scan";
import { getPackingSettings } from "./packing-settings";
import { selectStationOrders } from "./pack-queue";

const MAX_DIMENSION_MM = 10_000;
const MAX_WEIGHT_GRAMS = 1_000_000;
/** A data: URL of a photo the tablet made small: a few hundred kilobytes; the limit leaves room for a large one. */
const MAX_PHOTO_URL = 8 * 1024 * 1024;

const measure = (max: number) =>
  z
    .number()
    .int(rule("type"))
    .min(1, rule("atLeast", { min: 1 }))
    .max(max, rule("atMost", { max }))
    .nullable()
    .default(null);

export const packOrderInput = z.strictObject({
  lastPackId: z.uuid().nullable().default(null),
  scans: z
    .array(z.strictObject({ code: z.string().max(128, rule("maxLength", { max: 128 })), at: z.iso.datetime({ offset: true }) }))
    .max(MAX_SCANS, rule("maxEntries", { max: MAX_SCANS })),
  boxPresetId: z.uuid().nullable().default(null),
  lengthMm: measure(MAX_DIMENSION_MM),
  widthMm: measure(MAX_DIMENSION_MM),
  heightMm: measure(MAX_DIMENSION_MM),
  weightGrams: measure(MAX_WEIGHT_GRAMS),
  photo: z
    .string()
    .max(MAX_PHOTO_URL, rule("maxMegabytes", { n: 8 }))
    .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, rule("imageType"))
    .nullable()
    .default(null),
});
export type PackOrderInput = z.output<typeof packOrderInput>;

/**
 * Records an order as packed: the tablet's scan log is decided again here against the order's lines as
 * they are now (what the server decides is kept), with the box, the weight and the parcel's photo. Under
 * the order's row lock: an order moved on, or packed by someone else since the tablet read it, is a
 * conflict the tablet shows — never overwritten. The key the tablet made for this action makes a replay
 * (a tablet back online, a double tap) answer the first result and pack nothing twice.
 */
export async function packOrder(ctx: StoreContext, unverifiedOrderId: string, input: PackOrderInput, idempotencyKey: string): Promise<PackResult> {
  if (!isUuid(unverifiedOrderId)) throw notFound("Order");
  const claim = { storeId: ctx.storeId, scope: `pack:${unverifiedOrderId}`, key: idempotencyKey, requestHash: requestHash(input) };
  const photo = input.photo ? await processPhoto(Buffer.from(input.photo.slice(input.photo.indexOf(",") + 1), "base64"), "photo") : null;
  const photoKey = photo ? `${ctx.storeId}/${randomUUID()}.jpg` : null;
  const storage = photoStorage();
  if (photo && photoKey) await storage.put(photoKey, photo.bytes, photo.contentType);
  try {
    const result = await db.$transaction(async (tx) => {
      const replay = await claimIdempotencyKey<PackResult>(tx, claim);
      if (replay) return { result: replay.replay, replayed: true };
      const order = await lockOrder(tx, ctx, unverifiedOrderId);
      if (!order) throw notFound("Order");
      if (order.status !== "IN_PROGRESS")
        throw new AppError("CONFLICT", "The order is no longer in progress: it was moved on while it was being packed.", {
          say: { key: "packOrderMoved", params: { status: { status: orderStatusFromDb(order.status) } } },
        });
      const settings = await getPackingSettings(ctx, tx);
      const [station] = await selectStationOrders(tx, ctx, Prisma.sql`o.id = ${order.id}::uuid`, 1);
      const last = station.lastPack;
      if ((last?.id ?? null) !== input.lastPackId)
        throw new AppError("CONFLICT", `The order was packed meanwhile by ${last?.by ?? "someone else"}.`, {
          say: { key: "packedMeanwhile", params: { name: last?.by ?? "—" } },
        });
      const tally = tallyScans(station.lines, input.scans);
      if (settings.requireScan && !tally.complete)
        throw new AppError("PACK_INCOMPLETE", `Only ${tally.scannedUnits} of ${tally.totalUnits} units were scanned.`, {
          say: { key: "packIncomplete", params: { scanned: tally.scannedUnits, total: tally.totalUnits } },
          fields: { scans: issue("scanEveryUnit", { scanned: tally.scannedUnits, total: tally.totalUnits }) },
        });
      const box = input.boxPresetId ? await tx.boxPreset.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: input.boxPresetId } } }) : null;
      if (input.boxPresetId && !box) throw new AppError("VALIDATION_FAILED", "No such box.", { fields: { boxPresetId: issue("invalid") } });
      const pack = await tx.orderPack.create({
        data: {
          storeId: ctx.storeId,
          orderId: order.id,
          packedById: ctx.actor.type === "USER" ? ctx.actor.id : null,
          scannedUnits: tally.scannedUnits,
          totalUnits: tally.totalUnits,
          refusedScans: tally.refusedScans,
          scans: tally.scans as unknown as Prisma.InputJsonArray,
          boxPresetId: box?.id ?? null,
          lengthMm: box?.lengthMm ?? input.lengthMm,
          widthMm: box?.widthMm ?? input.widthMm,
          heightMm: box?.heightMm ?? input.heightMm,
          weightGrams: input.weightGrams,
          photoKey,
        },
        select: { id: true },
      });
      await tx.orderEvent.create({
        data: {
          storeId: ctx.storeId,
          orderId: order.id,
          ...orderEvent("order.packed", {
            packId: pack.id,
            scannedUnits: tally.scannedUnits,
            totalUnits: tally.totalUnits,
            refusedScans: tally.refusedScans,
            box: box?.name ?? null,
            weightGrams: input.weightGrams,
          }),
          ...actorFields(ctx.actor),
        },
      });
      await announce(tx, { storeId: ctx.storeId, userIds: [], type: "order.packed", orderId: order.id });
      const result: PackResult = {
        packId: pack.id,
        orderId: order.id,
        scannedUnits: tally.scannedUnits,
        totalUnits: tally.totalUnits,
        refusedScans: tally.refusedScans,
        complete: tally.complete,
      };
      await saveIdempotentResponse(tx, claim, 201, result);
      return { result, replayed: false };
    });
    if (result.replayed && photoKey) await storage.delete(photoKey);
    return result.result;
  } catch (error) {
    if (photoKey) await storage.delete(photoKey).catch(() => undefined);
    throw error;
  }
}

/** The parcel's photo of a packing the context may see. */
export async function packPhoto(ctx: StoreContext, packId: string): Promise<Buffer> {
  const [pack] = await db.$queryRaw<{ photoKey: string | null }[]>`
    SELECT p."photoKey" FROM order_packs p JOIN orders o ON o."storeId" = p."storeId" AND o.id = p."orderId"
    WHERE p."storeId" = ${ctx.storeId}::uuid AND p.id = ${packId}::uuid AND ${visibleOrdersSql(ctx)}`;
  if (!pack?.photoKey) throw notFound("Photo");
  const bytes = await photoStorage().get(pack.photoKey);
  if (!bytes) throw notFound("Photo");
  return bytes;
}
