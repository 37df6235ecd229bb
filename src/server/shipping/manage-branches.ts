import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue, notFound } from "@/server/errors/app-error";
import type { Prisma } from "@/generated/prisma/client";
import type { BranchInput, WorkingHours } from "./branch-schemas";

export type BranchDto = {
  id: string;
  name: string;
  city: string;
  district: string | null;
  address: string;
  phone: string | null;
  workingHours: WorkingHours;
  pickupContactName: string | null;
  pickupContactPhone: string | null;
  isDefault: boolean;
  archived: boolean;
};

const select = {
  id: true,
  name: true,
  city: true,
  district: true,
  address: true,
  phone: true,
  workingHours: true,
  pickupContactName: true,
  pickupContactPhone: true,
  isDefault: true,
  archivedAt: true,
} satisfies Prisma.BranchSelect;

function toDto({ archivedAt, workingHours, ...b }: Prisma.BranchGetPayload<{ select: typeof select }>): BranchDto {
  return { ...b, workingHours: (workingHours ?? {}) as WorkingHours, archived: archivedAt !== null };
}

/** The store's branches, the default first; archived ones only when asked for (settings). */
export async function listBranches(ctx: StoreContext, options: { includeArchived?: boolean } = {}): Promise<BranchDto[]> {
  const rows = await db.branch.findMany({
    where: { storeId: ctx.storeId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    select,
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { isDefault: "desc" }, { name: "asc" }],
  });
  return rows.map(toDto);
}

// Exactly one live default branch: setting one clears the others, under the store's row lock so two
// admins saving at once cannot leave two defaults (or none).
async function lockStore(tx: Prisma.TransactionClient, storeId: string) {
  await tx.$queryRaw`SELECT 1 FROM stores WHERE id = ${storeId}::uuid FOR UPDATE`;
}

async function ensureOneDefault(tx: Prisma.TransactionClient, storeId: string, preferred?: string) {
  if (preferred) {
    await tx.branch.updateMany({ where: { storeId, isDefault: true, NOT: { id: preferred } }, data: { isDefault: false } });
    return;
  }
  const live = await tx.branch.findMany({ where: { storeId, archivedAt: null }, select: { id: true, isDefault: true }, orderBy: { createdAt: "asc" } });
  if (live.length && !live.some((b) => b.isDefault)) await tx.branch.update({ where: { storeId_id: { storeId, id: live[0].id } }, data: { isDefault: true } });
}

export async function createBranch(ctx: StoreContext, input: BranchInput): Promise<BranchDto> {
  return db.$transaction(async (tx) => {
    await lockStore(tx, ctx.storeId);
    const created = await tx.branch.create({ data: { storeId: ctx.storeId, ...input }, select: { id: true } });
    await ensureOneDefault(tx, ctx.storeId, input.isDefault ? created.id : undefined);
    return toDto(await tx.branch.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: created.id } }, select }));
  });
}

export async function updateBranch(ctx: StoreContext, branchId: string, input: BranchInput): Promise<BranchDto> {
  return db.$transaction(async (tx) => {
    await lockStore(tx, ctx.storeId);
    const current = await tx.branch.findUnique({
      where: { storeId_id: { storeId: ctx.storeId, id: branchId } },
      select: { archivedAt: true, isDefault: true },
    });
    if (!current) throw notFound("Branch");
    if (input.isDefault && current.archivedAt)
      throw new AppError("CONFLICT", "An archived branch cannot be the default. Restore it first.", {
        say: { key: "archivedDefault" },
        fields: { isDefault: issue("archivedCannotBeDefault") },
      });
    // The default can be moved to another branch, not switched off: orders need somewhere to ship from.
    const isDefault = input.isDefault || current.isDefault;
    await tx.branch.update({ where: { storeId_id: { storeId: ctx.storeId, id: branchId } }, data: { ...input, isDefault } });
    await ensureOneDefault(tx, ctx.storeId, isDefault ? branchId : undefined);
    return toDto(await tx.branch.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: branchId } }, select }));
  });
}

const OPEN_SHIPMENT = { voidedAt: null, status: { in: ["CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY"] } } satisfies Prisma.ShipmentWhereInput;

/**
 * Archives a branch: it no longer appears when shipping or filtering, its history stays. The last live
 * branch cannot be archived (orders need a branch to ship from); the default moves to another branch.
 */
export async function archiveBranch(ctx: StoreContext, branchId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockStore(tx, ctx.storeId);
    const branch = await tx.branch.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: branchId } }, select: { archivedAt: true } });
    if (!branch) throw notFound("Branch");
    if (branch.archivedAt) return;
    const live = await tx.branch.count({ where: { storeId: ctx.storeId, archivedAt: null } });
    if (live <= 1) throw new AppError("CONFLICT", "This is the store's only branch. Add another branch before archiving it.", { say: { key: "onlyBranch" } });
    await tx.branch.update({ where: { storeId_id: { storeId: ctx.storeId, id: branchId } }, data: { archivedAt: new Date(), isDefault: false } });
    await ensureOneDefault(tx, ctx.storeId);
  });
}

export async function restoreBranch(ctx: StoreContext, branchId: string): Promise<void> {
  const { count } = await db.branch.updateMany({ where: { storeId: ctx.storeId, id: branchId }, data: { archivedAt: null } });
  if (!count) throw notFound("Branch");
}

/**
 * Deletes an archived branch for good. Refused while parcels that left from it are still with a carrier,
 * and when orders point at it (their history needs it: it stays archived).
 */
export async function deleteBranch(ctx: StoreContext, branchId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockStore(tx, ctx.storeId);
    const branch = await tx.branch.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: branchId } }, select: { archivedAt: true } });
    if (!branch) throw notFound("Branch");
    if (!branch.archivedAt) throw new AppError("CONFLICT", "Archive the branch before deleting it.", { say: { key: "archiveFirst" } });
    const open = await tx.shipment.count({ where: { storeId: ctx.storeId, branchId, ...OPEN_SHIPMENT } });
    if (open)
      throw new AppError("CONFLICT", `This branch has ${open} open shipment${open === 1 ? "" : "s"}. It can be deleted once they are delivered or returned.`, {
        details: { openShipments: open },
        say: { key: "branchOpenShipments", params: { n: open } },
      });
    const orders = await tx.order.count({ where: { storeId: ctx.storeId, branchId } });
    if (orders)
      throw new AppError("CONFLICT", `Orders (${orders}) shipped from this branch keep it in their history, so it stays archived.`, {
        details: { orders },
        say: { key: "branchHasOrders", params: { n: orders } },
      });
    await tx.branch.delete({ where: { storeId_id: { storeId: ctx.storeId, id: branchId } } });
  });
}
