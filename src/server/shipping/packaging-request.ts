// Aramex hands out boxes, flyers and envelopes free to merchants shipping through a partner platform,
// and processes only requests written in its template: one fixed subject line and a fixed list of
// fields. This module validates the request and writes that email; the merchant sends it from their own
// mailbox ("Open in email app") or pastes it ("Copy").
import { z } from "zod";
import { rule } from "@/server/http/validation";
import { phoneInput } from "@/lib/phone";

export const PACKAGING_ITEMS = ["flyer_small", "flyer_medium", "flyer_large", "flyer_xl", "box_small", "box_medium", "box_large", "envelope"] as const;
export type PackagingItem = (typeof PACKAGING_ITEMS)[number];

/** What each item is called in the template (Aramex's names and sizes, in cm). */
export const PACKAGING_ITEM_LABELS: Record<PackagingItem, string> = {
  flyer_small: "Flyer S (25 × 35)",
  flyer_medium: "Flyer M (35 × 45)",
  flyer_large: "Flyer L (45 × 55)",
  flyer_xl: "Flyer XL (55 × 65)",
  box_small: "Box S (25 × 20 × 10)",
  box_medium: "Box M (35 × 25 × 15)",
  box_large: "Box L (45 × 35 × 25)",
  envelope: "Branded document envelope",
};

const required = (max: number) => z.string().trim().min(1).max(max);

export const packagingRequestInput = z.strictObject({
  storeNumber: required(40),
  contactName: required(80),
  phone: phoneInput,
  email: z.email(rule("email")).max(120),
  city: required(60),
  address: required(200),
  items: z
    .partialRecord(z.enum(PACKAGING_ITEMS), z.number().int().min(0).max(500, "is at most 500 per request"))
    .refine((items) => Object.values(items).some((q) => (q ?? 0) > 0), { message: rule("chooseSize") }),
  notes: z.string().trim().max(500).optional(),
});
export type PackagingRequest = z.output<typeof packagingRequestInput>;

export type PackagingEmail = { to: string; subject: string; body: string; mailto: string };

/** The request in the carrier's template, and a mailto: link carrying it. */
export function renderPackagingEmail(request: PackagingRequest, platform: { to: string; platformAccount: string }): PackagingEmail {
  const to = platform.to;
  const subject = `Packaging Supplies Request – Account ${request.storeNumber} – Partner ${platform.platformAccount}`;
  const lines = PACKAGING_ITEMS.filter((item) => (request.items[item] ?? 0) > 0).map((item) => `  - ${PACKAGING_ITEM_LABELS[item]}: ${request.items[item]}`);
  const body = [
    "Dear Aramex Supplies Team,",
    "",
    "Please deliver the following packaging supplies.",
    "",
    `Customer account number: ${request.storeNumber}`,
    `Partner platform account number: ${platform.platformAccount}`,
    `Contact name: ${request.contactName}`,
    `Mobile: ${request.phone}`,
    `Email: ${request.email}`,
    `City: ${request.city}`,
    `Delivery address: ${request.address}`,
    "",
    "Items and quantities:",
    ...lines,
    ...(request.notes ? ["", `Notes: ${request.notes}`] : []),
    "",
    "Thank you,",
    request.contactName,
  ].join("\n");
  // mailto: wants %20 for spaces and CRLF line breaks (RFC 6068).
  const mailto = `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, "\r\n"))}`;
  return { to, subject, body, mailto };
}

/**
 * Where requests go and the platform's own account with Aramex: installation settings, which the
 * merchant cannot know. Null when the installation has not set them: the page then says who to ask.
 */
export function packagingDefaults(env = process.env): { to: string; platformAccount: string } | null {
  const to = env.ARAMEX_SUPPLIES_EMAIL?.trim() ?? "";
  const platformAccount = env.ARAMEX_PLATFORM_ACCOUNT?.trim() ?? "";
  return to && /^\d+$/.test(platformAccount) ? { to, platformAccount } : null;
}
