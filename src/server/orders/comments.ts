import { z } from "zod";
import { db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, notFound } from "@/server/errors/app-error";
import { notifyUsers } from "@/server/notifications/notify-users";
import { notification } from "@/server/notifications/notification-types";
import { findMentions } from "./mentions";
import { actorFields, orderEvent } from "./order-events";
import { visibleOrders } from "./order-scope";
import { isUuid } from "@/server/ids";

// Internal comments: for the store's team only, never shown to the customer.

export const commentBody = z.string().trim().min(1).max(2000);

export type CommentDto = { id: string; authorId: string; authorName: string; body: string; mentions: string[]; createdAt: string; editedAt: string | null };

async function members(tx: Tx, storeId: string) {
  const rows = await tx.membership.findMany({ where: { storeId }, select: { user: { select: { id: true, name: true, email: true } } } });
  return rows.map((r) => r.user);
}

function requireUser(ctx: StoreContext) {
  if (ctx.actor.type === "SYSTEM" || ctx.actor.type === "CUSTOMER")
    throw new AppError("FORBIDDEN", "Only people and integrations can comment.", { say: { key: "commentPeopleOnly" } });
  return ctx.actor;
}

export async function addOrderComment(ctx: StoreContext, unverifiedOrderId: string, body: string): Promise<CommentDto> {
  const actor = requireUser(ctx);
  return db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { ...visibleOrders(ctx), id: unverifiedOrderId }, select: { id: true, number: true } });
    if (!order) throw notFound("Order");
    const mentions = findMentions(body, await members(tx, ctx.storeId)).filter((id) => id !== actor.id);
    const comment = await tx.orderComment.create({
      data: { storeId: ctx.storeId, orderId: order.id, authorId: actor.id, authorName: actor.name, body, mentions },
    });
    await tx.orderEvent.create({
      data: { storeId: ctx.storeId, orderId: order.id, ...orderEvent("comment.added", { commentId: comment.id }), ...actorFields(ctx.actor) },
    });
    if (mentions.length)
      await notifyUsers(tx, {
        storeId: ctx.storeId,
        userIds: mentions,
        orderId: order.id,
        ...notification("comment.mention", { number: order.number, by: actor.name }),
      });
    return toDto(comment);
  });
}

/** Only the author edits or deletes a comment; the timeline keeps that it happened. */
export async function editOrderComment(ctx: StoreContext, commentId: string, body: string): Promise<CommentDto> {
  const actor = requireUser(ctx);
  return db.$transaction(async (tx) => {
    const comment = await ownComment(tx, ctx, actor.id, commentId);
    const updated = await tx.orderComment.update({ where: { storeId_id: { storeId: ctx.storeId, id: comment.id } }, data: { body, editedAt: new Date() } });
    await tx.orderEvent.create({
      data: { storeId: ctx.storeId, orderId: comment.orderId, ...orderEvent("comment.edited", { commentId }), ...actorFields(ctx.actor) },
    });
    return toDto(updated);
  });
}

export async function deleteOrderComment(ctx: StoreContext, commentId: string) {
  const actor = requireUser(ctx);
  await db.$transaction(async (tx) => {
    const comment = await ownComment(tx, ctx, actor.id, commentId);
    await tx.orderComment.update({ where: { storeId_id: { storeId: ctx.storeId, id: comment.id } }, data: { deletedAt: new Date(), body: "" } });
    await tx.orderEvent.create({
      data: { storeId: ctx.storeId, orderId: comment.orderId, ...orderEvent("comment.deleted", { commentId }), ...actorFields(ctx.actor) },
    });
  });
}

export async function listOrderComments(ctx: StoreContext, orderId: string): Promise<CommentDto[]> {
  const rows = await db.orderComment.findMany({ where: { storeId: ctx.storeId, orderId, deletedAt: null }, orderBy: { createdAt: "asc" } });
  return rows.map(toDto);
}

async function ownComment(tx: Tx, ctx: StoreContext, authorId: string, commentId: string) {
  const comment = isUuid(commentId)
    ? await tx.orderComment.findFirst({ where: { storeId: ctx.storeId, id: commentId, deletedAt: null, order: visibleOrders(ctx) } })
    : null;
  if (!comment) throw notFound("Comment");
  if (comment.authorId !== authorId) throw new AppError("FORBIDDEN", "Only the author can change this comment.", { say: { key: "commentAuthorOnly" } });
  return comment;
}

function toDto(c: { id: string; authorId: string; authorName: string; body: string; mentions: string[]; createdAt: Date; editedAt: Date | null }): CommentDto {
  return {
    id: c.id,
    authorId: c.authorId,
    authorName: c.authorName,
    body: c.body,
    mentions: c.mentions,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
  };
}
