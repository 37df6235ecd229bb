// The customer's review page (/r/{token}): what they are asked to rate, and their answer, saved whole
// or not at all. One submission per order, editable for 7 days.
import { randomUUID } from "node:crypto";
import { orderEvent } from "@/server/orders/order-events";
import { z } from "zod";
import { db } from "@/server/db/client";
import { AppError, issue, notFound, type FieldIssues } from "@/server/errors/app-error";
import { CARRIERS, isCarrierId } from "@/server/shipping/carriers";
import type { ReviewKind, ReviewStatus } from "@/generated/prisma/enums";
import { readReviewSettings, type ReviewSettings } from "./review-settings";
import { MAX_PHOTOS_PER_PRODUCT, processPhoto, type ProcessedPhoto } from "./photos";
import { photoStorage, type PhotoStorage } from "./photo-storage";
import { CUSTOMER_TOKEN, reviewTokenWhere } from "@/lib/customer-token";

export const EDIT_WINDOW_MS = 7 * 86_400_000;

const rating = z.number().int().min(1).max(5);
const text = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((v) => v || null);
export const reviewSubmission = z.strictObject({
  products: z
    .array(z.strictObject({ productId: z.uuid(), rating, text }))
    .max(100)
    .default([]),
  experience: z.strictObject({ rating, text }).optional(),
  carrier: z.strictObject({ rating, text }).optional(),
});
export type ReviewSubmission = z.output<typeof reviewSubmission>;

/** "Sara Al-Qahtani" → "Sara A.": what the public sees of a reviewer. */
export function publicAuthorName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ?? "";
  return `${words[0]} ${[...words.at(-1)!][0]}.`;
}

/** Publish at once when the store's rule says so, otherwise wait for the merchant. */
export function initialStatus(settings: ReviewSettings, stars: number): ReviewStatus {
  return settings.autoPublishMinRating !== null && stars >= settings.autoPublishMinRating ? "PUBLISHED" : "PENDING";
}

export type ReviewPage = {
  store: { name: string; slug: string; locale: "ar" | "en" };
  orderNumber: number;
  products: { productId: string; name: string; photos: number; rating: number | null; text: string | null }[];
  experience: { asked: boolean; rating: number | null; text: string | null };
  carrier: { asked: boolean; name: string | null; rating: number | null; text: string | null };
  askPhotos: boolean;
  submittedAt: string | null;
  editableUntil: string | null;
  editable: boolean;
  discount: { code: string; kind: string; value: number; minOrder: number; expiresAt: string; currency: string } | null;
};

async function loadRequest(token: string) {
  if (!CUSTOMER_TOKEN.test(token)) throw notFound("Review request");
  const request = await db.reviewRequest.findFirst({
    where: reviewTokenWhere(token),
    include: {
      store: { select: { name: true, slug: true, locale: true, reviewSettings: true, currency: true } },
      order: {
        select: {
          id: true,
          number: true,
          customerName: true,
          customer: { select: { locale: true } },
          items: { select: { name: true, variant: { select: { productId: true, product: { select: { name: true } } } } }, orderBy: { id: "asc" } },
          shipments: { where: { voidedAt: null, kind: "CARRIER", status: { notIn: ["PENDING", "FAILED", "VOIDED"] } }, select: { carrier: true }, take: 1 },
        },
      },
      // The photos' ids, counted here: Prisma's _count is an outer join on a constant condition, which Citus
      // refuses on PostgreSQL 15.
      reviews: { include: { photos: { select: { id: true } } } },
      discount: true,
    },
  });
  // Only a request that was sent has a working link.
  if (!request || request.status !== "SENT") throw notFound("Review request");
  return request;
}
type LoadedRequest = Awaited<ReturnType<typeof loadRequest>>;

function productsOf(request: LoadedRequest) {
  const seen = new Map<string, string>();
  for (const item of request.order.items) if (item.variant && !seen.has(item.variant.productId)) seen.set(item.variant.productId, item.variant.product.name);
  return [...seen].map(([productId, name]) => ({ productId, name }));
}

function carrierOf(request: LoadedRequest): { id: string; name: string } | null {
  const carrier = request.order.shipments[0]?.carrier;
  return carrier && isCarrierId(carrier) ? { id: carrier, name: CARRIERS[carrier].name } : null;
}

export async function reviewPageByToken(token: string, now = new Date()): Promise<ReviewPage> {
  const request = await loadRequest(token);
  const settings = readReviewSettings(request.store.reviewSettings);
  const find = (kind: ReviewKind, productId?: string) => request.reviews.find((r) => r.kind === kind && (productId === undefined || r.productId === productId));
  const carrier = carrierOf(request);
  const experience = find("EXPERIENCE");
  const carrierReview = find("CARRIER");
  return {
    store: { name: request.store.name, slug: request.store.slug, locale: (request.order.customer.locale ?? request.store.locale) === "en" ? "en" : "ar" },
    orderNumber: request.order.number,
    products: settings.rate.products
      ? productsOf(request).map((p) => {
          const r = find("PRODUCT", p.productId);
          return { ...p, photos: r?.photos.length ?? 0, rating: r?.rating ?? null, text: r?.body ?? null };
        })
      : [],
    experience: { asked: settings.rate.experience, rating: experience?.rating ?? null, text: experience?.body ?? null },
    carrier: {
      asked: settings.rate.carrier && !!carrier,
      name: carrier?.name ?? null,
      rating: carrierReview?.rating ?? null,
      text: carrierReview?.body ?? null,
    },
    askPhotos: settings.askPhotos,
    submittedAt: request.submittedAt?.toISOString() ?? null,
    editableUntil: request.submittedAt ? new Date(request.submittedAt.getTime() + EDIT_WINDOW_MS).toISOString() : null,
    editable: !request.submittedAt || now.getTime() <= request.submittedAt.getTime() + EDIT_WINDOW_MS,
    discount:
      request.submittedAt && request.discount
        ? {
            code: request.discount.code,
            kind: request.discount.kind,
            value: request.discount.value,
            minOrder: request.discount.minOrder,
            expiresAt: request.discount.expiresAt.toISOString(),
            currency: request.store.currency,
          }
        : null,
  };
}

/**
 * Saves the customer's review: every rating checked against what was asked, every photo checked and
 * re-encoded before anything is written, then one transaction. Photos are stored first and removed again
 * if the transaction fails, so nothing is left half-saved.
 */
export async function submitReview(
  token: string,
  input: ReviewSubmission,
  photos: Map<string, Buffer[]>,
  options: { now?: Date; storage?: PhotoStorage } = {},
) {
  const now = options.now ?? new Date();
  const storage = options.storage ?? photoStorage();
  const request = await loadRequest(token);
  if (request.submittedAt && now.getTime() > request.submittedAt.getTime() + EDIT_WINDOW_MS) {
    throw new AppError("CONFLICT", "This review can no longer be changed: reviews can be edited for 7 days.", { say: { key: "reviewEditWindow" } });
  }
  const settings = readReviewSettings(request.store.reviewSettings);
  const products = settings.rate.products ? productsOf(request) : [];
  const carrier = settings.rate.carrier ? carrierOf(request) : null;
  const fields: FieldIssues = {};
  products.forEach((p, i) => {
    if (!input.products.some((r) => r.productId === p.productId)) fields[`products.${i}.rating`] = issue("rateProduct", { name: p.name });
  });
  input.products.forEach((r, i) => {
    if (!products.some((p) => p.productId === r.productId)) fields[`products.${i}.productId`] = issue("notOrderProduct");
  });
  if (settings.rate.experience && !input.experience) fields["experience.rating"] = issue("rateExperience");
  if (carrier && !input.carrier) fields["carrier.rating"] = issue("rateCarrier", { carrier: { carrier: carrier.id } });
  for (const [productId, files] of photos) {
    if (!settings.askPhotos) fields[`photos.${productId}`] = issue("photosNotAsked");
    else if (!products.some((p) => p.productId === productId)) fields[`photos.${productId}`] = issue("notOrderProduct");
    else {
      const existing = request.reviews.find((r) => r.kind === "PRODUCT" && r.productId === productId)?.photos.length ?? 0;
      if (existing + files.length > MAX_PHOTOS_PER_PRODUCT) fields[`photos.${productId}`] = issue("maxPhotos", { n: MAX_PHOTOS_PER_PRODUCT });
    }
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", "Some answers need another look.", { fields, say: { key: "reviewAnswers" } });

  const processed: { productId: string; photo: ProcessedPhoto; id: string; key: string }[] = [];
  for (const [productId, files] of photos) {
    for (const [i, bytes] of files.entries()) {
      const photo = await processPhoto(bytes, `photos.${productId}.${i}`);
      const id = randomUUID();
      processed.push({ productId, photo, id, key: `${request.storeId}/${id}.${photo.extension}` });
    }
  }
  for (const p of processed) await storage.put(p.key, p.photo.bytes, p.photo.contentType);

  const storeId = request.storeId;
  const author = publicAuthorName(request.order.customerName);
  const wanted: { kind: ReviewKind; productId: string | null; subject: string; carrier: string | null; rating: number; body: string | null }[] = [
    ...input.products.map((r) => ({
      kind: "PRODUCT" as const,
      productId: r.productId,
      subject: products.find((p) => p.productId === r.productId)!.name,
      carrier: null,
      rating: r.rating,
      body: r.text,
    })),
    ...(settings.rate.experience && input.experience
      ? [
          {
            kind: "EXPERIENCE" as const,
            productId: null,
            subject: request.store.name,
            carrier: null,
            ...{ rating: input.experience.rating, body: input.experience.text },
          },
        ]
      : []),
    ...(carrier && input.carrier
      ? [{ kind: "CARRIER" as const, productId: null, subject: carrier.name, carrier: carrier.id, rating: input.carrier.rating, body: input.carrier.text }]
      : []),
  ];
  try {
    await db.$transaction(async (tx) => {
      // Another tab submitting at the same moment waits here and then edits, never duplicates. Every
      // limit is checked again under this lock, on what is there now: the checks above read before it,
      // and parallel submissions each saw room for three photos.
      const [locked] = await tx.$queryRaw<
        { submittedAt: Date | null }[]
      >`SELECT "submittedAt" FROM review_requests WHERE "storeId" = ${storeId}::uuid AND id = ${request.id}::uuid FOR UPDATE`;
      if (locked?.submittedAt && now.getTime() > locked.submittedAt.getTime() + EDIT_WINDOW_MS) {
        throw new AppError("CONFLICT", "This review can no longer be changed: reviews can be edited for 7 days.", { say: { key: "reviewEditWindow" } });
      }
      const current = await tx.review.findMany({ where: { storeId, requestId: request.id }, include: { photos: { select: { id: true } } } });
      const over: FieldIssues = {};
      for (const [productId, files] of photos) {
        const existing = current.find((r) => r.kind === "PRODUCT" && r.productId === productId)?.photos.length ?? 0;
        if (existing + files.length > MAX_PHOTOS_PER_PRODUCT) over[`photos.${productId}`] = issue("maxPhotos", { n: MAX_PHOTOS_PER_PRODUCT });
      }
      if (Object.keys(over).length) throw new AppError("VALIDATION_FAILED", "Some answers need another look.", { fields: over, say: { key: "reviewAnswers" } });
      for (const w of wanted) {
        const existing = current.find((r) => r.kind === w.kind && r.productId === w.productId);
        const status = initialStatus(settings, w.rating);
        const review = existing
          ? await tx.review.update({
              where: { storeId_id: { storeId, id: existing.id } },
              // A merchant's hidden review stays hidden when edited.
              data: {
                rating: w.rating,
                body: w.body,
                ...(existing.status === "HIDDEN" ? {} : { status, publishedAt: status === "PUBLISHED" ? (existing.publishedAt ?? now) : null }),
              },
            })
          : await tx.review.create({
              data: {
                storeId,
                requestId: request.id,
                orderId: request.orderId,
                authorName: author,
                ...w,
                status,
                publishedAt: status === "PUBLISHED" ? now : null,
              },
            });
        const mine = processed.filter((p) => w.kind === "PRODUCT" && p.productId === w.productId);
        if (mine.length) {
          await tx.reviewPhoto.createMany({
            data: mine.map((p) => ({
              storeId,
              id: p.id,
              reviewId: review.id,
              storageKey: p.key,
              contentType: p.photo.contentType,
              width: p.photo.width,
              height: p.photo.height,
              bytes: p.photo.bytes.length,
            })),
          });
        }
      }
      const first = !locked?.submittedAt;
      if (first) await tx.reviewRequest.update({ where: { storeId_id: { storeId, id: request.id } }, data: { submittedAt: now } });
      const stars = wanted.map((w) => w.rating);
      await tx.orderEvent.create({
        data: {
          storeId,
          orderId: request.orderId,
          ...orderEvent("review.submitted", {
            rating: Math.round(stars.reduce((a, b) => a + b, 0) / Math.max(1, stars.length)),
            edited: !first,
            photos: processed.length,
          }),
          actorType: "CUSTOMER",
          actorName: author,
        },
      });
    });
  } catch (error) {
    await Promise.all(processed.map((p) => storage.delete(p.key).catch(() => undefined)));
    throw error;
  }
  return reviewPageByToken(token, now);
}
