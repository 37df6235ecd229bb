// The merchant's side of reviews: find, publish, hide, answer publicly; product and carrier averages.
// And the public side: a store's published reviews for the widget and the storefront.
import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue, notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import type { Prisma } from "@/generated/prisma/client";

export const reviewsQuery = z.object({
  status: z.enum(["pending", "published", "hidden"]).optional(),
  rating: z.coerce.number().int().min(1).max(5).optional(),
  product: z.uuid().optional(),
  kind: z.enum(["product", "experience", "carrier"]).optional(),
  photos: z.enum(["1"]).optional(),
  cursor: z.string().max(200).optional(),
});
export type ReviewsQuery = z.output<typeof reviewsQuery>;

export type ReviewDto = {
  id: string;
  kind: "product" | "experience" | "carrier";
  subject: string;
  productId: string | null;
  rating: number;
  body: string | null;
  status: "pending" | "published" | "hidden";
  authorName: string;
  reply: string | null;
  createdAt: string;
  orderId: string;
  orderNumber: number;
  photos: { id: string; width: number; height: number }[];
};

const PAGE = 30;

/** The store's reviews, newest first, by keyset, with the filters of the Reviews page. */
export async function listReviews(ctx: StoreContext, query: ReviewsQuery) {
  const where: Prisma.ReviewWhereInput = {
    storeId: ctx.storeId,
    ...(query.status ? { status: query.status.toUpperCase() as "PENDING" } : {}),
    ...(query.rating ? { rating: query.rating } : {}),
    ...(query.product ? { productId: query.product } : {}),
    ...(query.kind ? { kind: query.kind.toUpperCase() as "PRODUCT" } : {}),
    ...(query.photos ? { photos: { some: {} } } : {}),
  };
  const and: Prisma.ReviewWhereInput[] = [];
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    if (!c) throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", { fields: { cursor: issue("badCursorPage") } });
    and.push({ OR: [{ createdAt: { lt: c.at } }, { createdAt: c.at, id: { lt: c.id } }] });
  }
  const rows = await db.review.findMany({
    where: { ...where, AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    include: {
      photos: { select: { id: true, width: true, height: true }, orderBy: { createdAt: "asc" } },
      request: { select: { order: { select: { number: true } } } },
    },
  });
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    data: page.map((r): ReviewDto => ({
      id: r.id,
      kind: r.kind.toLowerCase() as ReviewDto["kind"],
      subject: r.subject,
      productId: r.productId,
      rating: r.rating,
      body: r.body,
      status: r.status.toLowerCase() as ReviewDto["status"],
      authorName: r.authorName,
      reply: r.reply,
      createdAt: r.createdAt.toISOString(),
      orderId: r.orderId,
      orderNumber: r.request.order.number,
      photos: r.photos,
    })),
    nextCursor: rows.length > PAGE && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** Average rating and count per product (every review, so the merchant sees the truth) and per carrier. */
export async function reviewStats(ctx: StoreContext) {
  const [products, carriers] = await Promise.all([
    db.review.groupBy({ by: ["productId", "subject"], where: { storeId: ctx.storeId, kind: "PRODUCT" }, _avg: { rating: true }, _count: true }),
    db.review.groupBy({ by: ["carrier", "subject"], where: { storeId: ctx.storeId, kind: "CARRIER" }, _avg: { rating: true }, _count: true }),
  ]);
  const round = (n: number | null) => Math.round((n ?? 0) * 10) / 10;
  return {
    products: products
      .map((p) => ({ productId: p.productId!, name: p.subject, average: round(p._avg.rating), count: p._count }))
      .sort((a, b) => b.count - a.count),
    carriers: carriers.map((c) => ({ carrier: c.carrier!, name: c.subject, average: round(c._avg.rating), count: c._count })).sort((a, b) => b.count - a.count),
  };
}

export async function setReviewStatus(ctx: StoreContext, reviewId: string, status: "published" | "hidden") {
  if (!isUuid(reviewId)) throw notFound("Review");
  const { count } = await db.review.updateMany({
    where: { storeId: ctx.storeId, id: reviewId },
    data: status === "published" ? { status: "PUBLISHED", publishedAt: new Date() } : { status: "HIDDEN" },
  });
  if (!count) throw notFound("Review");
}

export const replyInput = z.strictObject({ reviewId: z.uuid(), reply: z.string().trim().max(1000) });

/** The merchant's public answer; an empty one removes it. */
export async function replyToReview(ctx: StoreContext, input: z.output<typeof replyInput>) {
  const { count } = await db.review.updateMany({
    where: { storeId: ctx.storeId, id: input.reviewId },
    data: { reply: input.reply || null, repliedAt: input.reply ? new Date() : null },
  });
  if (!count) throw notFound("Review");
}

export type PublicReview = {
  id: string;
  kind: "product" | "experience" | "carrier";
  product: string | null;
  productId: string | null;
  rating: number;
  text: string | null;
  author: string;
  date: string;
  reply: string | null;
  photos: { url: string; width: number; height: number }[];
};

/**
 * A store's published reviews for its home page and storefront: no phone, no email, the author's first
 * name and initial only. Products and the order experience, not carriers (those are for the merchant).
 */
export async function publishedReviews(storeSlug: string, query: { product?: string; cursor?: string; limit?: number }, photoUrl: (id: string) => string) {
  const store = await db.store.findUnique({ where: { slug: storeSlug }, select: { id: true, name: true, locale: true } });
  if (!store) throw notFound("Store");
  const limit = Math.min(Math.max(query.limit ?? 12, 1), 50);
  const and: Prisma.ReviewWhereInput[] = [];
  if (query.product) {
    if (!isUuid(query.product)) throw new AppError("VALIDATION_FAILED", "Unknown product.", { fields: { product: issue("productId") } });
    and.push({ productId: query.product });
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    if (!c) throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", { fields: { cursor: issue("badCursor") } });
    and.push({ OR: [{ publishedAt: { lt: c.at } }, { publishedAt: c.at, id: { lt: c.id } }] });
  }
  const rows = await db.review.findMany({
    where: { storeId: store.id, status: "PUBLISHED", kind: { in: ["PRODUCT", "EXPERIENCE"] }, AND: and },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { photos: { select: { id: true, width: true, height: true }, orderBy: { createdAt: "asc" } } },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    store: { name: store.name, locale: store.locale === "en" ? ("en" as const) : ("ar" as const) },
    data: page.map((r): PublicReview => ({
      id: r.id,
      kind: r.kind.toLowerCase() as PublicReview["kind"],
      product: r.kind === "PRODUCT" ? r.subject : null,
      productId: r.productId,
      rating: r.rating,
      text: r.body,
      author: r.authorName,
      date: (r.publishedAt ?? r.createdAt).toISOString(),
      reply: r.reply,
      photos: r.photos.map((p) => ({ url: photoUrl(p.id), width: p.width, height: p.height })),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.publishedAt ?? last.createdAt, id: last.id }) : null,
  };
}

/** A photo's bytes for the public: only when its review is published. */
export async function publicPhoto(photoId: string) {
  if (!isUuid(photoId)) return null;
  return db.reviewPhoto.findFirst({ where: { id: photoId, review: { status: "PUBLISHED" } }, select: { storageKey: true, contentType: true } });
}

/** A photo of this store's review for the merchant, whatever the review's status. */
export async function storePhoto(ctx: StoreContext, photoId: string) {
  if (!isUuid(photoId)) return null;
  return db.reviewPhoto.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: photoId } }, select: { storageKey: true, contentType: true } });
}
