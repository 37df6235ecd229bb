// Exports prepared in the background: for a filter too large to wait for in the page, the worker writes
// the file (streamed, as the download is) to the data folder, says how far it is as it goes, and tells the
// person who asked when it is ready. The file is theirs alone, kept a day, then swept away.
import "server-only";
import { createReadStream, createWriteStream, promises as fs } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import type { Role } from "@/server/auth/permissions";
import { AppError, notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { notifyUsers } from "@/server/notifications/notify-users";
import { notification } from "@/server/notifications/notification-types";
import { parseInput } from "@/server/http/validation";
import { exportOrdersQuery, ordersFile, storeTimeZone } from "./export-orders";

/** A prepared file is kept this long after it is ready. */
export const EXPORT_KEEP_HOURS = 24;
/** Exports one person may have waiting or running at once in a store. */
export const MAX_PENDING_EXPORTS = 3;
/** How often the worker writes how far it is. */
const PROGRESS_EVERY_MS = 1_000;

export type FileExportDto = {
  id: string;
  format: "csv" | "xlsx";
  status: "QUEUED" | "RUNNING" | "READY" | "FAILED";
  rows: number;
  bytes: number;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string;
};

/** The folder of prepared exports: `exports/` in the data folder, shared by the worker and the app servers. */
// (A folder chosen at run time: the build is told not to trace it into the server's files.)
export const exportsDir = (env: Record<string, string | undefined> = process.env) =>
  path.resolve(/*turbopackIgnore: true*/ env.TAJER_EXPORTS_DIR ?? path.join(/*turbopackIgnore: true*/ env.TAJER_DATA_DIR ?? ".data", "exports"));
const fileOf = (storeId: string, id: string, format: string) => path.join(/*turbopackIgnore: true*/ exportsDir(), storeId, `${id}.${format}`);

const userOf = (ctx: StoreContext): string => {
  if (ctx.actor.type !== "USER") throw new AppError("FORBIDDEN", "Background exports are for people.");
  return ctx.actor.id;
};

/**
 * Asks the worker for an export of the orders of this filter. At most MAX_PENDING_EXPORTS of one person's
 * wait at once, counted under a lock on that person in the store.
 */
export async function requestOrdersExport(ctx: StoreContext, params: Record<string, string>, locale: "en" | "ar"): Promise<{ id: string }> {
  const userId = userOf(ctx);
  // Checked now, so a bad filter is said to the person; kept as it was sent, and read again by the worker.
  const query = parseInput(exportOrdersQuery, params);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`exports:${ctx.storeId}:${userId}`}, 0))`;
    const pending = await tx.fileExport.count({ where: { storeId: ctx.storeId, requestedById: userId, status: { in: ["QUEUED", "RUNNING"] } } });
    if (pending >= MAX_PENDING_EXPORTS)
      throw new AppError("CONFLICT", `At most ${MAX_PENDING_EXPORTS} exports can be prepared at once.`, {
        say: { key: "exportsPending", params: { n: MAX_PENDING_EXPORTS } },
      });
    const row = await tx.fileExport.create({
      data: {
        storeId: ctx.storeId,
        requestedById: userId,
        format: query.format,
        query: params,
        locale,
        expiresAt: new Date(Date.now() + EXPORT_KEEP_HOURS * 3600_000),
      },
      select: { id: true },
    });
    await enqueueJob(tx, "orders.export", { storeId: ctx.storeId, exportId: row.id }, { storeId: ctx.storeId });
    return row;
  });
}

/**
 * The worker's part: the file written aside and renamed when whole, progress saved as it goes. It runs as
 * the person who asked, with what they may see now (a member removed meanwhile gets nothing). Run twice
 * (a worker that died, a lock that ran out), it writes the same file, and tells the person once.
 */
export async function runOrdersExport(payload: { storeId: string; exportId: string }): Promise<void> {
  const { storeId, exportId } = payload;
  const [row] = await db.$queryRaw<{ requestedById: string; query: unknown; locale: string; format: string }[]>`
    UPDATE file_exports SET status = 'RUNNING' WHERE "storeId" = ${storeId}::uuid AND id = ${exportId}::uuid AND status IN ('QUEUED', 'RUNNING')
    RETURNING "requestedById", query, locale, format`;
  if (!row) return;
  const member = await db.membership.findUnique({
    where: { storeId_userId: { storeId, userId: row.requestedById } },
    select: { role: true, onlyAssignedOrders: true, user: { select: { name: true } } },
  });
  if (!member) return failExport(payload, "The person who asked is no longer a member.");
  const ctx: StoreContext = {
    storeId,
    role: member.role as Role,
    onlyAssigned: member.onlyAssignedOrders,
    actor: { type: "USER", id: row.requestedById, name: member.user.name },
  };
  const query = exportOrdersQuery.parse(row.query);
  let rows = 0;
  let saved = Date.now();
  const stream = ordersFile({ ctx, query, locale: row.locale === "ar" ? "ar" : "en", timeZone: await storeTimeZone(storeId) }, (n) => {
    rows = n;
    if (Date.now() - saved < PROGRESS_EVERY_MS) return;
    saved = Date.now();
    void db.fileExport.updateMany({ where: { storeId, id: exportId, status: "RUNNING" }, data: { rows: n } }).catch(() => undefined);
  });
  const file = fileOf(storeId, exportId, row.format);
  const part = `${file}.${randomUUID()}.part`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    await pipeline(Readable.fromWeb(stream as never), createWriteStream(part));
    await fs.rename(part, file);
  } finally {
    await fs.rm(part, { force: true });
  }
  const { size } = await fs.stat(file);
  await db.$transaction(async (tx) => {
    const done = await tx.fileExport.updateMany({
      where: { storeId, id: exportId, status: "RUNNING" },
      data: { status: "READY", rows, bytes: size, finishedAt: new Date(), expiresAt: new Date(Date.now() + EXPORT_KEEP_HOURS * 3600_000) },
    });
    if (done.count) await notifyUsers(tx, { storeId, userIds: [row.requestedById], ...notification("export.ready", { exportId, rows, format: row.format }) });
  });
}

/** The job gave up (or cannot run): the export says it failed, and no file is left behind. */
export async function failExport(payload: { storeId: string; exportId: string }, reason: string): Promise<void> {
  await db.fileExport.updateMany({
    where: { storeId: payload.storeId, id: payload.exportId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: reason.slice(0, 500), finishedAt: new Date() },
  });
}

const toDto = (r: {
  id: string;
  format: string;
  status: FileExportDto["status"];
  rows: number;
  bytes: bigint;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
}): FileExportDto => ({
  id: r.id,
  format: r.format === "xlsx" ? "xlsx" : "csv",
  status: r.status,
  rows: r.rows,
  bytes: Number(r.bytes),
  createdAt: r.createdAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  expiresAt: r.expiresAt.toISOString(),
});

/** The reader's own exports that are still kept, newest first. */
export async function listFileExports(ctx: StoreContext): Promise<FileExportDto[]> {
  if (ctx.actor.type !== "USER") return [];
  const rows = await db.fileExport.findMany({
    where: { storeId: ctx.storeId, requestedById: ctx.actor.id, expiresAt: { gt: new Date() } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
  });
  return rows.map(toDto);
}

/** A ready file of the reader's own, as a stream; anyone else's, or one gone, is not found. */
export async function openFileExport(ctx: StoreContext, unverifiedId: string): Promise<{ export: FileExportDto; body: ReadableStream<Uint8Array> }> {
  const userId = userOf(ctx);
  if (!isUuid(unverifiedId)) throw notFound("Export");
  const row = await db.fileExport.findFirst({
    where: { storeId: ctx.storeId, id: unverifiedId, requestedById: userId, status: "READY", expiresAt: { gt: new Date() } },
  });
  if (!row) throw notFound("Export");
  const file = fileOf(ctx.storeId, row.id, row.format);
  try {
    await fs.access(file);
  } catch {
    throw notFound("Export");
  }
  return { export: toDto(row), body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array> };
}

/** Exports past their day: files and rows (the worker's sweep). */
export async function purgeFileExports(now = new Date()): Promise<number> {
  const gone = await db.fileExport.findMany({ where: { expiresAt: { lt: now } }, select: { storeId: true, id: true, format: true }, take: 500 });
  for (const e of gone) await fs.rm(fileOf(e.storeId, e.id, e.format), { force: true });
  if (gone.length) await db.fileExport.deleteMany({ where: { OR: gone.map((e) => ({ storeId: e.storeId, id: e.id })) } });
  return gone.length;
}
