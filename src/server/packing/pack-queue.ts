import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db, type Db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { visibleOrdersSql } from "@/server/orders/order-queries";
import { scanKey } from "@/lib/barcode";
import type { StationData, StationOrder } from "@/lib/pack-scan";
import { getPackingSettings } from "./packing-settings";
import { lateSql, storeKey } from "@/server/orders/late-rules";

export const QUEUE_LIMIT = 60;

/** `order`: an order opened by its address (the order page's link) is in the answer even past the queue's length. */
export const packQueueQuery = z.object({ branch: z.uuid().optional(), order: z.uuid().optional() });

type QueueRow = Omit<StationOrder, "lines" | "late" | "inProgressAt"> & {
  inProgressAt: Date | null;
  late: boolean;
  items: { id: string; sku: string; name: string; quantity: number; variantId: string | null; bin: string | null; codes: string[] }[];
};

/** The packing station's orders, one statement: each with its lines (codes and bin) and its latest packing. */
export async function selectStationOrders(client: Db | Tx, ctx: StoreContext, where: Prisma.Sql, limit: number): Promise<StationOrder[]> {
  const store = storeKey(ctx.storeId);
  const rows = await client.$queryRaw<QueueRow[]>`
    SELECT o.id, o.number, o."customerName", o."shippingCity", o."branchId", o."assigneeId", o."inProgressAt",
      (${lateSql(store)}) AS late,
      (SELECT json_agg(json_build_object(
          'id', i.id, 'sku', i.sku, 'name', i.name, 'quantity', i.quantity, 'variantId', i."variantId",
          'bin', (SELECT s.bin FROM stock_levels s WHERE s."storeId" = ${store} AND s."variantId" = i."variantId"
                   AND s."branchId" = COALESCE(i."stockBranchId", o."branchId")),
          'codes', COALESCE((SELECT json_agg(b.code) FROM variant_barcodes b WHERE b."storeId" = ${store} AND b."variantId" = i."variantId"), '[]'::json)
        ) ORDER BY i.id)
        FROM order_items i WHERE i."storeId" = ${store} AND i."orderId" = o.id) AS items,
      (SELECT json_build_object('id', p.id, 'at', p."createdAt", 'by', u.name, 'scannedUnits', p."scannedUnits",
          'totalUnits', p."totalUnits", 'refusedScans', p."refusedScans")
        FROM order_packs p LEFT JOIN users u ON u.id = p."packedById"
        WHERE p."storeId" = ${store} AND p."orderId" = o.id ORDER BY p."createdAt" DESC, p.id DESC LIMIT 1) AS "lastPack"
    FROM orders o
    WHERE ${visibleOrdersSql(ctx)} AND ${where}
    ORDER BY o."inProgressAt" ASC NULLS LAST, o.id
    LIMIT ${limit}`;
  return rows.map(({ items, inProgressAt, ...o }) => ({
    ...o,
    inProgressAt: inProgressAt?.toISOString() ?? null,
    lastPack: o.lastPack ? { ...o.lastPack, at: new Date(o.lastPack.at).toISOString() } : null,
    lines: (items ?? []).map(({ codes, ...line }) => ({ ...line, keys: [...new Set([...codes, scanKey(line.sku)])] })),
  }));
}

/**
 * A person's packing queue: orders in progress assigned to them or to nobody (at one branch, if chosen),
 * the longest in progress first — the late ones lead. Everything the tablet needs to pack them offline.
 */
export async function packStation(ctx: StoreContext, query: z.output<typeof packQueueQuery>): Promise<StationData> {
  const me = ctx.actor.type === "USER" ? ctx.actor.id : null;
  const [settings, boxes, branches] = await Promise.all([
    getPackingSettings(ctx),
    db.boxPreset.findMany({
      where: { storeId: ctx.storeId },
      select: { id: true, name: true, lengthMm: true, widthMm: true, heightMm: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.branch.findMany({ where: { storeId: ctx.storeId, archivedAt: null }, select: { id: true, name: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const mine = me ? Prisma.sql`(o."assigneeId" = ${me}::uuid OR o."assigneeId" IS NULL)` : Prisma.sql`o."assigneeId" IS NULL`;
  const branch = query.branch ? Prisma.sql`AND o."branchId" = ${query.branch}::uuid` : Prisma.empty;
  const inProgress = Prisma.sql`o.status = 'IN_PROGRESS'`;
  const [orders, opened] = await Promise.all([
    selectStationOrders(db, ctx, Prisma.sql`${inProgress} AND ${mine} ${branch}`, QUEUE_LIMIT),
    query.order ? selectStationOrders(db, ctx, Prisma.sql`${inProgress} AND o.id = ${query.order}::uuid`, 1) : [],
  ]);
  for (const o of opened) if (!orders.some((q) => q.id === o.id)) orders.push(o);
  return { orders, boxes, branches, requireScan: settings.requireScan, readAt: new Date().toISOString() };
}

/** The variant a code or SKU names in the store (null: none), as the station says it. */
export async function lookUpCode(ctx: StoreContext, code: string): Promise<{ sku: string; name: string } | null> {
  const key = scanKey(code);
  if (!key) return null;
  const [row] = await db.$queryRaw<{ sku: string; name: string }[]>`
    SELECT v.sku, p.name || CASE WHEN v."optionLabel" <> '' THEN ' — ' || v."optionLabel" ELSE '' END AS name
    FROM product_variants v JOIN products p ON p."storeId" = v."storeId" AND p.id = v."productId"
    WHERE v."storeId" = ${ctx.storeId}::uuid
      AND (upper(v.sku) = ${key} OR v.id = (SELECT b."variantId" FROM variant_barcodes b WHERE b."storeId" = ${ctx.storeId}::uuid AND b.code = ${key}))
    LIMIT 1`;
  return row ?? null;
}
