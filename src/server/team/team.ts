import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import type { Role } from "@/server/auth/permissions";
import { AppError, issue } from "@/server/errors/app-error";
import { announce } from "@/server/notifications/notify-users";
import { checkPasswordThrottled } from "@/server/auth/verify-credentials";
import { actorFields, orderEvent } from "@/server/orders/order-events";
import { audit, type AuditMeta } from "./audit";
import { teamChangeRefusal, type TeamChange, type TeamRefusal } from "./team-rules";

const memberId = z.uuid();
export const changeRoleInput = z.object({ userId: memberId, role: z.enum(["ADMIN", "STAFF"]) }).strict();
export const onlyAssignedInput = z.object({ userId: memberId, on: z.boolean() }).strict();
export const removeMemberInput = z.object({ userId: memberId }).strict();
export const transferOwnershipInput = z
  .object({ userId: memberId, password: z.string().min(1, "is required").max(200, "must be at most 200 characters") })
  .strict();

/**
 * Every change to a store's team is decided under one lock per store (a transaction-scoped advisory lock):
 * two admins changing the team at once change it one after the other, each seeing the other's result.
 */
export async function lockTeam(tx: Tx, storeId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`team:${storeId}`}, 0))`;
}

/** A member's open streams end at once, on every app server; their next request is decided afresh. */
async function endLiveStreams(tx: Tx, storeId: string, userId: string) {
  await announce(tx, { storeId, userIds: [userId], type: "member.changed", orderId: null });
}

export const refused = (key: TeamRefusal | "ownerTransfers" | "alreadyOwner") =>
  new AppError("FORBIDDEN", "This change to the team is not allowed.", { say: { key } });
const notAMember = () =>
  new AppError("NOT_FOUND", "That person is not a member of this store.", { say: { key: "notMember" }, fields: { userId: issue("notMember") } });

type Member = { userId: string; role: Role; onlyAssignedOrders: boolean; name: string; email: string };

async function lockedMember(tx: Tx, storeId: string, userId: string): Promise<Member | null> {
  const [row] = await tx.$queryRaw<Member[]>`
    SELECT m."userId", m.role::text AS role, m."onlyAssignedOrders", u.name, u.email
    FROM memberships m JOIN users u ON u.id = m."userId"
    WHERE m."storeId" = ${storeId}::uuid AND m."userId" = ${userId}::uuid FOR UPDATE OF m`;
  return row ?? null;
}

/** The actor's own role now (not as the request began): a demoted admin's second click is refused. */
export async function actorRole(tx: Tx, ctx: StoreContext): Promise<Role> {
  if (ctx.actor.type !== "USER") return ctx.role;
  const me = await lockedMember(tx, ctx.storeId, ctx.actor.id);
  if (!me) throw new AppError("NOT_FOUND", "Store not found", { say: { key: "storeNotFound" } });
  return me.role;
}

async function decide(tx: Tx, ctx: StoreContext, userId: string, change: TeamChange): Promise<Member> {
  await lockTeam(tx, ctx.storeId);
  const role = await actorRole(tx, ctx);
  const target = await lockedMember(tx, ctx.storeId, userId);
  if (!target) throw notAMember();
  const refusal = teamChangeRefusal({ id: ctx.actor.id ?? "", role }, { id: target.userId, role: target.role }, change);
  if (refusal) throw refused(refusal);
  return target;
}

export type TeamMemberDto = { userId: string; name: string; email: string; role: Role; onlyAssignedOrders: boolean; joinedAt: string; openOrders: number };

/** The store's members, the owner first, with how many open orders each has on their desk. */
export async function listMembers(ctx: StoreContext): Promise<TeamMemberDto[]> {
  const rows = await db.$queryRaw<(Omit<TeamMemberDto, "joinedAt" | "openOrders"> & { joinedAt: Date; openOrders: bigint })[]>`
    SELECT m."userId", u.name, u.email, m.role::text AS role, m."onlyAssignedOrders", m."createdAt" AS "joinedAt",
      COALESCE(desk.open, 0) AS "openOrders"
    FROM memberships m JOIN users u ON u.id = m."userId"
    -- Counted once per assignee, not per member in a correlated subquery: on a cluster the members are a
    -- reference table, and Citus refuses a subquery tied to one; this asks the store's one shard.
    LEFT JOIN (
      SELECT o."assigneeId", count(*) AS open FROM orders o
      WHERE o."storeId" = ${ctx.storeId}::uuid AND o."assigneeId" IS NOT NULL
        AND o.status IN ('RECEIVED', 'IN_PROGRESS', 'SHIPPED', 'OUT_FOR_DELIVERY')
      GROUP BY o."assigneeId"
    ) desk ON desk."assigneeId" = m."userId"
    WHERE m."storeId" = ${ctx.storeId}::uuid
    ORDER BY CASE m.role WHEN 'OWNER' THEN 0 WHEN 'ADMIN' THEN 1 ELSE 2 END, lower(u.name), m."userId"`;
  return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString(), openOrders: Number(r.openOrders) }));
}

/** Makes a member an admin or staff; an admin is never limited to assigned orders. */
export async function changeMemberRole(ctx: StoreContext, input: z.output<typeof changeRoleInput>, meta: AuditMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await decide(tx, ctx, input.userId, { kind: "role", role: input.role });
    if (target.role === input.role) return;
    await tx.membership.update({
      where: { storeId_userId: { storeId: ctx.storeId, userId: target.userId } },
      data: { role: input.role, ...(input.role === "ADMIN" ? { onlyAssignedOrders: false } : {}) },
    });
    await audit(tx, ctx, meta, "member.roleChanged", target.name, { from: target.role, to: input.role });
    await endLiveStreams(tx, ctx.storeId, target.userId);
  });
}

/** Limits a staff member to the orders assigned to them (or lifts it). */
export async function setOnlyAssignedOrders(ctx: StoreContext, input: z.output<typeof onlyAssignedInput>, meta: AuditMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await decide(tx, ctx, input.userId, { kind: "onlyAssigned", on: input.on });
    if (target.onlyAssignedOrders === input.on) return;
    await tx.membership.update({ where: { storeId_userId: { storeId: ctx.storeId, userId: target.userId } }, data: { onlyAssignedOrders: input.on } });
    await audit(tx, ctx, meta, "member.onlyAssignedChanged", target.name, { on: input.on });
    await endLiveStreams(tx, ctx.storeId, target.userId);
  });
}

/**
 * Removes a member (or the member leaves). Their access to the store ends with this commit: every page,
 * action, file and API call asks for the membership afresh, and their open live streams are ended now.
 * The orders still open on their desk go back to nobody, each with a line on its timeline.
 */
export async function removeMember(ctx: StoreContext, input: z.output<typeof removeMemberInput>, meta: AuditMeta): Promise<{ unassignedOrders: number }> {
  return db.$transaction(async (tx) => {
    const target = await decide(tx, ctx, input.userId, { kind: "remove" });
    await tx.membership.delete({ where: { storeId_userId: { storeId: ctx.storeId, userId: target.userId } } });
    const unassigned = await tx.$queryRaw<{ id: string }[]>`
      UPDATE orders SET "assigneeId" = NULL, version = version + 1, "updatedAt" = now()
      WHERE "storeId" = ${ctx.storeId}::uuid AND "assigneeId" = ${target.userId}::uuid
        AND status IN ('RECEIVED', 'IN_PROGRESS', 'SHIPPED', 'OUT_FOR_DELIVERY')
      RETURNING id`;
    if (unassigned.length)
      await tx.orderEvent.createMany({
        data: unassigned.map((o) => ({
          storeId: ctx.storeId,
          orderId: o.id,
          ...orderEvent("order.assigned", { assigneeId: null, assigneeName: null }),
          ...actorFields(ctx.actor),
        })),
      });
    const leaving = ctx.actor.id === target.userId;
    await audit(tx, ctx, meta, leaving ? "member.left" : "member.removed", target.name, { role: target.role, unassignedOrders: unassigned.length });
    await endLiveStreams(tx, ctx.storeId, target.userId);
    return { unassignedOrders: unassigned.length };
  });
}

/**
 * The owner hands the store to another member, confirming with their password (throttled like signing
 * in). One transaction: the owner becomes an admin, then the member the owner — the store never has two
 * owners or none (a partial unique index holds the first).
 */
export async function transferOwnership(
  ctx: StoreContext,
  input: z.output<typeof transferOwnershipInput>,
  meta: AuditMeta & { deviceCookie: string | null },
): Promise<void> {
  if (ctx.actor.type !== "USER") throw refused("ownerTransfers");
  // Someone who is not in this team is named before the password is asked (and decided again under the lock).
  if (!(await db.membership.findUnique({ where: { storeId_userId: { storeId: ctx.storeId, userId: input.userId } }, select: { userId: true } })))
    throw notAMember();
  const me = await db.user.findUnique({ where: { id: ctx.actor.id }, select: { email: true, passwordHash: true } });
  if (!me) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (!(await checkPasswordThrottled(me.email, ctx.actor.id, me.passwordHash, input.password, meta.address ?? "unknown", meta.deviceCookie)))
    throw new AppError("VALIDATION_FAILED", "Your password is not right.", {
      say: { key: "currentPasswordWrong" },
      fields: { password: issue("currentPasswordWrong") },
    });
  await db.$transaction(async (tx) => {
    await lockTeam(tx, ctx.storeId);
    const owner = await lockedMember(tx, ctx.storeId, ctx.actor.id!);
    if (owner?.role !== "OWNER") throw refused("ownerTransfers");
    if (input.userId === owner.userId) throw refused("alreadyOwner");
    const next = await lockedMember(tx, ctx.storeId, input.userId);
    if (!next) throw notAMember();
    await tx.membership.update({ where: { storeId_userId: { storeId: ctx.storeId, userId: owner.userId } }, data: { role: "ADMIN" } });
    await tx.membership.update({
      where: { storeId_userId: { storeId: ctx.storeId, userId: next.userId } },
      data: { role: "OWNER", onlyAssignedOrders: false },
    });
    await audit(tx, ctx, meta, "ownership.transferred", next.name, { from: owner.name });
    await endLiveStreams(tx, ctx.storeId, owner.userId);
    await endLiveStreams(tx, ctx.storeId, next.userId);
  });
}
