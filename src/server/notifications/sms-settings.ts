import { randomBytes } from "node:crypto";
import { rule } from "@/server/http/validation";
import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { SMS_EVENTS, type StoreTemplates } from "./sms-templates";
import { outboundPolicy, outboundUrlProblem } from "@/server/http/outbound";
import { settings } from "@/server/settings";
import { MESSAGING_CHANNELS, messagingChannelOf } from "./whatsapp";
import { PRICE_KEYS, readMessagePrices, type MessagePrices } from "./message-prices";

const template = z.string().trim().max(600);

/** How a store's SMS go: Tajer sends them through its provider, the store sends its own (Tajer delivers signed
 * webhooks instead), or none are sent. */
export const SMS_MODES = ["PLATFORM", "OWN_PROVIDER", "OFF"] as const;
export type SmsMode = (typeof SMS_MODES)[number];

/** A store's SMS mode as stored (a text column the database checks against the same list). */
export function smsModeOf(stored: string): SmsMode {
  const mode = SMS_MODES.find((m) => m === stored);
  if (!mode) throw new Error(`unknown SMS mode ${JSON.stringify(stored)}`);
  return mode;
}

export const smsSettingsInput = z
  .strictObject({
    mode: z.enum(SMS_MODES),
    senderName: z
      .string()
      .trim()
      .regex(/^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/, rule("senderId")),
    // The same rule as delivery (https, not a private address), named here so the form can say it.
    webhookUrl: z
      .string()
      .trim()
      .max(2000)
      .refine((u) => u === "" || !outboundUrlProblem(u, outboundPolicy()), {
        error: (issue) => rule(outboundUrlProblem(String(issue.input).trim(), outboundPolicy()) ?? "invalid"),
      })
      .optional(),
    templates: z.partialRecord(z.enum(SMS_EVENTS), z.strictObject({ ar: template.optional(), en: template.optional() })).default({}),
    channel: z.enum(MESSAGING_CHANNELS).default("SMS"),
    whatsappFallbackMinutes: z.number().int().min(1).max(1440).default(10),
    /** The price table for estimates, in millionths of a US dollar. */
    prices: z
      .strictObject(Object.fromEntries(PRICE_KEYS.map((k) => [k, z.number().int().min(0).max(10_000_000)])) as Record<(typeof PRICE_KEYS)[number], z.ZodNumber>)
      .optional(),
  })
  .refine((s) => s.mode !== "OWN_PROVIDER" || !!s.webhookUrl, { path: ["webhookUrl"], message: rule("requiredForOwnSms") });
export type SmsSettingsInput = z.output<typeof smsSettingsInput>;

export type SmsSettings = {
  mode: SmsMode;
  channel: (typeof MESSAGING_CHANNELS)[number];
  whatsappFallbackMinutes: number;
  /** Whether this installation has a WhatsApp sender (without one, WhatsApp messages are recorded as not sent). */
  whatsappAvailable: boolean;
  prices: MessagePrices;
  senderName: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
  templates: StoreTemplates;
  locale: string;
  storeName: string;
};

export async function getSmsSettings(ctx: StoreContext): Promise<SmsSettings> {
  const store = await db.store.findUniqueOrThrow({
    where: { id: ctx.storeId },
    select: {
      smsMode: true,
      smsSenderName: true,
      webhookUrl: true,
      webhookSecret: true,
      smsTemplates: true,
      locale: true,
      name: true,
      messagingChannel: true,
      whatsappFallbackMinutes: true,
      messagePrices: true,
    },
  });
  return {
    mode: smsModeOf(store.smsMode),
    channel: messagingChannelOf(store.messagingChannel),
    whatsappFallbackMinutes: store.whatsappFallbackMinutes,
    whatsappAvailable: !!settings().TWILIO_WHATSAPP_FROM,
    prices: readMessagePrices(store.messagePrices),
    senderName: store.smsSenderName,
    webhookUrl: store.webhookUrl,
    webhookSecret: store.webhookSecret,
    templates: store.smsTemplates as StoreTemplates,
    locale: store.locale,
    storeName: store.name,
  };
}

const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

/** Saves the store's SMS settings; a webhook secret is made the first time the store uses its own provider. */
export async function updateSmsSettings(ctx: StoreContext, input: SmsSettingsInput): Promise<SmsSettings> {
  const current = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { webhookSecret: true } });
  // Empty templates fall back to the built-in ones: store only what the merchant wrote.
  const templates = Object.fromEntries(
    Object.entries(input.templates)
      .map(([event, t]) => [event, Object.fromEntries(Object.entries(t ?? {}).filter(([, text]) => text))])
      .filter(([, t]) => Object.keys(t as object).length),
  );
  await db.store.update({
    where: { id: ctx.storeId },
    data: {
      smsMode: input.mode,
      smsSenderName: input.senderName,
      webhookUrl: input.webhookUrl || null,
      webhookSecret: input.mode === "OWN_PROVIDER" && !current.webhookSecret ? newSecret() : current.webhookSecret,
      smsTemplates: templates,
      messagingChannel: input.channel,
      whatsappFallbackMinutes: input.whatsappFallbackMinutes,
      ...(input.prices ? { messagePrices: input.prices } : {}),
    },
  });
  return getSmsSettings(ctx);
}

export async function rotateWebhookSecret(ctx: StoreContext): Promise<string> {
  const secret = newSecret();
  await db.store.update({ where: { id: ctx.storeId }, data: { webhookSecret: secret } });
  return secret;
}
