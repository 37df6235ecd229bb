import { mkdtempSync } from "node:fs";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { jobHandlers } from "@/server/jobs/handlers";
import { runDueJobs } from "@/server/jobs/worker";
import { exportOrdersQuery, ordersCsv } from "@/server/orders/export-orders";
import { exportsDir, listFileExports, MAX_PENDING_EXPORTS, openFileExport, purgeFileExports, requestOrdersExport } from "@/server/orders/export-jobs";
import { isAppError } from "@/server/errors/app-error";
import type { StoreContext } from "@/server/auth/context";
import { seedOrder, seedStore } from "../support/factories";

beforeAll(() => {
  process.env.TAJER_EXPORTS_DIR = mkdtempSync(path.join(tmpdir(), "tajer-exports-"));
});

const text = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
const work = (storeId: string) => runDueJobs(jobHandlers({ sms: null }), { storeId });

describe("exports prepared in the background", () => {
  it("writes the same file the download streams, tells the person who asked, and keeps it theirs alone", async () => {
    const s = await seedStore();
    for (let i = 0; i < 5; i++) await seedOrder(s);
    const params = { format: "csv", columns: "number,status,total" };
    const { id } = await requestOrdersExport(s.ctx(), params, "en");
    expect((await listFileExports(s.ctx()))[0]).toMatchObject({ id, status: "QUEUED", rows: 0 });

    expect(await work(s.store.id)).toBe(1);
    const [ready] = await listFileExports(s.ctx());
    expect(ready).toMatchObject({ id, status: "READY", rows: 5, format: "csv" });
    const file = await openFileExport(s.ctx(), id);
    const direct = await text(ordersCsv({ ctx: s.ctx(), query: exportOrdersQuery.parse(params), locale: "en", timeZone: s.store.timeZone }));
    expect(await text(file.body)).toBe(direct);
    expect(ready.bytes).toBe(Buffer.byteLength(direct));
    const bell = await db.notification.findMany({ where: { storeId: s.store.id, userId: s.owner.id, type: "export.ready" } });
    expect(bell.map((n) => n.data)).toEqual([{ exportId: id, rows: 5, format: "csv" }]);

    // Another member of the store does not get it; the job run again tells nobody twice.
    const admin = await db.user.create({ data: { email: `admin-${crypto.randomUUID()}@test.test`, name: "Admin", passwordHash: "x" } });
    await db.membership.create({ data: { storeId: s.store.id, userId: admin.id, role: "ADMIN" } });
    const adminCtx: StoreContext = { storeId: s.store.id, role: "ADMIN", actor: { type: "USER", id: admin.id, name: "Admin" } };
    const theirs = await openFileExport(adminCtx, id).catch((e: unknown) => e);
    expect(isAppError(theirs) && theirs.code).toBe("NOT_FOUND");
    expect(await listFileExports(adminCtx)).toEqual([]);
  });

  it("runs as the person who asked, with what they may see when it runs", async () => {
    const s = await seedStore();
    const staff = await db.user.create({ data: { email: `staff-${crypto.randomUUID()}@test.test`, name: "Staff", passwordHash: "x" } });
    await db.membership.create({ data: { storeId: s.store.id, userId: staff.id, role: "STAFF", onlyAssignedOrders: true } });
    const mine = await seedOrder(s);
    await seedOrder(s);
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: mine.id } }, data: { assigneeId: staff.id } });
    const ctx: StoreContext = { storeId: s.store.id, role: "STAFF", onlyAssigned: true, actor: { type: "USER", id: staff.id, name: "Staff" } };
    const { id } = await requestOrdersExport(ctx, { format: "xlsx" }, "ar");
    await work(s.store.id);
    const [done] = await listFileExports(ctx);
    expect(done).toMatchObject({ status: "READY", rows: 1, format: "xlsx" });
    const bytes = new Uint8Array(await new Response((await openFileExport(ctx, id)).body).arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

    // Removed from the store before the worker ran: nothing is written for them.
    const late = await requestOrdersExport(ctx, { format: "csv" }, "ar");
    await db.membership.delete({ where: { storeId_userId: { storeId: s.store.id, userId: staff.id } } });
    await work(s.store.id);
    expect(await db.fileExport.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: late.id } } })).toMatchObject({ status: "FAILED" });
  });

  it("says a bad filter to the person, limits what waits at once, and sweeps files past their day", async () => {
    const s = await seedStore();
    const bad = await requestOrdersExport(s.ctx(), { format: "pdf" }, "en").catch((e: unknown) => e);
    expect(isAppError(bad) && bad.code).toBe("VALIDATION_FAILED");
    const asked = await Promise.allSettled(Array.from({ length: MAX_PENDING_EXPORTS + 3 }, () => requestOrdersExport(s.ctx(), { format: "csv" }, "en")));
    expect(asked.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_PENDING_EXPORTS);
    await work(s.store.id);
    const [first] = await listFileExports(s.ctx());
    const file = path.join(exportsDir(), s.store.id, `${first.id}.csv`);
    await fs.access(file);
    await db.fileExport.updateMany({ where: { storeId: s.store.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await purgeFileExports()).toBeGreaterThanOrEqual(MAX_PENDING_EXPORTS);
    await expect(fs.access(file)).rejects.toThrow();
    expect(await db.fileExport.count({ where: { storeId: s.store.id } })).toBe(0);
  });
});
