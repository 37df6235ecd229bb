// Settings → Order evaluation: whether and when customers are asked to review, what they rate, the
// thank-you discount, which reviews publish at once, and the hours no SMS goes out. Stored as one JSON
// document per store and always read through this schema, so old documents get the new defaults.
import { z } from "zod";
import { rule } from "@/server/http/validation";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule("timeLike", { example: "22:00" }));
const template = z.string().trim().min(1).max(480);

export const REVIEW_PLACEHOLDERS = ["customer_name", "order_number", "review_url", "discount_code", "store_name"] as const;

export const DEFAULT_REVIEW_TEMPLATES = {
  ar: "مرحبًا {customer_name}، نتمنى أن طلبك {order_number} من {store_name} أعجبك. شاركنا رأيك وصور المنتجات: {review_url}",
  en: "Hi {customer_name}, we hope you like your {store_name} order {order_number}. Tell us what you think and share photos: {review_url}",
};

export const reviewSettingsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  delayDays: z.number().int().min(0).max(60).default(3),
  templates: z.strictObject({ ar: template, en: template }).default(DEFAULT_REVIEW_TEMPLATES),
  rate: z.strictObject({ products: z.boolean(), experience: z.boolean(), carrier: z.boolean() }).default({ products: true, experience: true, carrier: true }),
  askPhotos: z.boolean().default(true),
  discount: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("off") }),
      z.strictObject({
        kind: z.literal("percent"),
        percent: z.number().int().min(1).max(100),
        validityDays: z.number().int().min(1).max(365),
        minOrder: z.number().int().min(0).max(100_000_000),
      }),
      z.strictObject({
        kind: z.literal("fixed"),
        amount: z.number().int().min(1).max(100_000_000),
        validityDays: z.number().int().min(1).max(365),
        minOrder: z.number().int().min(0).max(100_000_000),
      }),
    ])
    .default({ kind: "off" }),
  // Reviews rated at least this publish at once; the rest wait for moderation. null: all wait.
  autoPublishMinRating: z.number().int().min(1).max(5).nullable().default(4),
  quietHours: z.strictObject({ start: time, end: time }).nullable().default({ start: "22:00", end: "09:00" }),
});
export type ReviewSettings = z.output<typeof reviewSettingsSchema>;

/** The store's settings, defaults filled in; a document that no longer parses falls back to the defaults. */
export function readReviewSettings(stored: unknown): ReviewSettings {
  const parsed = reviewSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : reviewSettingsSchema.parse({});
}
