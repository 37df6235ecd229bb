// Saved views of the orders list: a name, the list's filters and sort, and its columns; a person's own,
// or shared with the store by its owners and admins. Shown as tabs above the list.
import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { can } from "@/server/auth/permissions";
import { AppError, issue, notFound } from "@/server/errors/app-error";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { isUuid } from "@/server/ids";
import { listOrdersQuery, type ListOrdersQuery } from "./schemas";
import { LIST_COLUMNS, type ListColumn } from "./list-columns";

/** At most this many views of one's own in a store, and this many shared ones. */
export const MAX_VIEWS = 30;

/** What a view keeps of the list's query: its filters and sort, never a page. */
export const viewQuery = listOrdersQuery.omit({ cursor: true, limit: true }).partial({ sort: true });
export type ViewQuery = z.output<typeof viewQuery>;

export const orderViewInput = z.strictObject({
  name: z.string().trim().min(1).max(40),
  shared: z.boolean(),
  query: viewQuery.strict(),
  columns: z.array(z.enum(LIST_COLUMNS)).max(LIST_COLUMNS.length),
});

/** `deletable`: the reader's own view, or a shared one and the reader manages the store's settings. */
export type OrderViewDto = { id: string; name: string; shared: boolean; deletable: boolean; query: ViewQuery; columns: ListColumn[] };

const toDto = (ctx: StoreContext, v: { id: string; name: string; ownerId: string | null; query: unknown; columns: string[] }): OrderViewDto => {
  const query = viewQuery.safeParse(v.query);
  return {
    id: v.id,
    name: v.name,
    shared: v.ownerId === null,
    deletable: v.ownerId !== null || can(ctx.role, "settings.manage"),
    query: query.success ? query.data : {},
    columns: v.columns.filter((c): c is ListColumn => (LIST_COLUMNS as readonly string[]).includes(c)),
  };
};

const userOf = (ctx: StoreContext): string => {
  if (ctx.actor.type !== "USER") throw new AppError("FORBIDDEN", "Views belong to people.");
  return ctx.actor.id;
};

/** The store's shared views, then the reader's own, each by name. */
export async function listOrderViews(ctx: StoreContext): Promise<OrderViewDto[]> {
  if (ctx.actor.type !== "USER") return [];
  const views = await db.orderView.findMany({
    where: { storeId: ctx.storeId, OR: [{ ownerId: null }, { ownerId: ctx.actor.id }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return views.map((v) => toDto(ctx, v)).sort((a, b) => Number(b.shared) - Number(a.shared));
}

/**
 * Saves the list as it is under a name. Shared views are for those who manage the store's settings. The
 * count is decided under a lock on the view's owner (the person, or the store for shared views), so ten
 * saves at once cannot pass the limit; names are unique by index, so two saves of one name make one view.
 */
export async function createOrderView(ctx: StoreContext, input: z.output<typeof orderViewInput>): Promise<OrderViewDto> {
  const userId = userOf(ctx);
  if (input.shared && !can(ctx.role, "settings.manage"))
    throw new AppError("FORBIDDEN", "Only owners and admins share views with the store.", { say: { key: "shareViewForbidden" } });
  const ownerId = input.shared ? null : userId;
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`order-views:${ctx.storeId}:${ownerId ?? "shared"}`}, 0))`;
      const count = await tx.orderView.count({ where: { storeId: ctx.storeId, ownerId } });
      if (count >= MAX_VIEWS)
        throw new AppError("CONFLICT", `There can be at most ${MAX_VIEWS} views.`, { say: { key: "viewLimit", params: { n: MAX_VIEWS } } });
      const view = await tx.orderView.create({
        data: { storeId: ctx.storeId, name: input.name, ownerId, createdById: userId, query: input.query, columns: input.columns },
      });
      return toDto(ctx, view);
    });
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw new AppError("VALIDATION_FAILED", "A view of that name exists.", { fields: { name: issue("viewNameTaken") } });
    throw error;
  }
}

/** Deletes one's own view, or (owners and admins) a shared one. */
export async function deleteOrderView(ctx: StoreContext, unverifiedId: string): Promise<void> {
  const userId = userOf(ctx);
  if (!isUuid(unverifiedId)) throw notFound("View");
  const shared = can(ctx.role, "settings.manage") ? [{ ownerId: null }] : [];
  const { count } = await db.orderView.deleteMany({ where: { storeId: ctx.storeId, id: unverifiedId, OR: [{ ownerId: userId }, ...shared] } });
  if (!count) throw notFound("View");
}

/** A view's query as the list's URL parameters. */
export function viewSearchParams(view: Pick<OrderViewDto, "id" | "query" | "columns">): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(view.query as Partial<ListOrdersQuery>)) if (v !== undefined && v !== "") params.set(k, String(v));
  params.set("cols", view.columns.join(","));
  params.set("view", view.id);
  return params;
}
