import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue, notFound } from "@/server/errors/app-error";
import { Prisma } from "@/generated/prisma/client";

export type TagDto = { id: string; name: string; color: string; orders: number };

/** The store's tags with how many orders carry each. */
export async function listTags(ctx: StoreContext): Promise<TagDto[]> {
  const tags = await db.tag.findMany({ where: { storeId: ctx.storeId }, orderBy: { name: "asc" }, include: { _count: { select: { orders: true } } } });
  return tags.map((t) => ({ id: t.id, name: t.name, color: t.color, orders: t._count.orders }));
}

/** The store's tags without their counts: what a filter or a suggestion needs. */
export async function listTagNames(ctx: StoreContext): Promise<{ id: string; name: string; color: string }[]> {
  return db.tag.findMany({ where: { storeId: ctx.storeId }, orderBy: { name: "asc" }, select: { id: true, name: true, color: true } });
}

export async function updateTag(ctx: StoreContext, input: { tagId: string; name?: string; color?: string }) {
  try {
    const { count } = await db.tag.updateMany({ where: { storeId: ctx.storeId, id: input.tagId }, data: { name: input.name, color: input.color } });
    if (!count) throw notFound("Tag");
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Another tag already has this name.", { say: { key: "tagNameTaken" }, fields: { name: issue("tagNameTaken") } });
    }
    throw error;
  }
}

/** Deletes a tag from the store and from every order that carries it; returns how many did. */
export async function deleteTag(ctx: StoreContext, tagId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const orders = await tx.orderTag.count({ where: { storeId: ctx.storeId, tagId } });
    const { count } = await tx.tag.deleteMany({ where: { storeId: ctx.storeId, id: tagId } });
    if (!count) throw notFound("Tag");
    return orders;
  });
}
