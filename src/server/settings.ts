/**
 * The installation's settings, from the environment, in one place: each with its rule and default.
 * `settings()` parses them; `settingsProblems()` is what the start checks, so that a bad setting
 * stops the start with its name and rule instead of surfacing later as a wrong number or a crash.
 * (Secrets that have no setting are generated and kept in the database: installation-settings.ts.)
 */
import "server-only";
import { z } from "zod";
import { HEAP_DEFAULTS } from "@/lib/heap";

type Env = Record<string, string | undefined>;

// An empty variable is an unset one.
const unset = (v: unknown) => (v === "" ? undefined : v);
const whole = (min: number, max: number, fallback: number) => z.preprocess(unset, z.coerce.number().int().min(min).max(max).default(fallback));
const share = (fallback: number) => z.preprocess(unset, z.coerce.number().min(0).max(1).default(fallback));
const text = z.preprocess(unset, z.string().optional());
const url = (protocols: RegExp) => z.preprocess(unset, z.url({ protocol: protocols }).optional());
const json = z.preprocess(
  unset,
  z
    .string()
    .refine((s) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    }, "must be valid JSON")
    .optional(),
);

export const SETTINGS = z.object({
  PORT: whole(1, 65_535, 3000),
  PG_PORT: whole(1, 65_535, 54_329),
  DATABASE_URL: url(/^postgres(ql)?$/),
  DATABASE_POOL_SIZE: whole(1, 500, 10),
  /** A direct connection for the live channel's LISTEN, when DATABASE_URL goes through a pooler in transaction mode (default: DATABASE_URL). */
  DATABASE_LISTEN_URL: url(/^postgres(ql)?$/),
  PUBLIC_URL: url(/^https?$/),
  TRUSTED_PROXY_HOPS: whole(0, 10, 0),
  KEEP_ALIVE_TIMEOUT_MS: whole(1_000, 600_000, 65_000),
  /** Whether the app gzips its responses (true), or leaves it to a proxy in front (false). */
  COMPRESS_RESPONSES: z.preprocess(unset, z.enum(["true", "false"]).default("true")),
  /** The app server's and the worker's JavaScript heap ceilings, in MB (src/lib/heap.ts). */
  APP_HEAP_MB: whole(64, 65_536, HEAP_DEFAULTS.app),
  WORKER_HEAP_MB: whole(64, 65_536, HEAP_DEFAULTS.worker),
  JOB_LOCK_SECONDS: whole(1, 3_600, 120),
  API_RATE_LIMIT_PER_MINUTE: whole(1, 1_000_000_000, 600),
  PUBLIC_RATE_LIMIT_PER_MINUTE: whole(1, 1_000_000_000, 300),
  LIVE_RECHECK_MS: whole(200, 600_000, 5_000),
  CARRIER_TIMEOUT_MS: whole(100, 600_000, 20_000),
  CARRIER_SIM_LATENCY_MS: whole(0, 600_000, 150),
  CARRIER_SIM_FAILURE_RATE: share(0),
  PAYMENT_SIM_WEBHOOK_DELAY_MS: whole(0, 3_600_000, 15_000),
  LABEL_RECONCILE_AFTER_MS: whole(0, 86_400_000, 60_000),
  LABEL_RECONCILE_EVERY_MS: whole(100, 86_400_000, 60_000),
  TOP_UP_RECONCILE_AFTER_MS: whole(0, 86_400_000, 120_000),
  PLATFORM_RATES: json,
  PLATFORM_LABEL_FEE: z.preprocess(
    unset,
    z
      .string()
      .regex(/^\d{1,9}$/, "must be a whole number of minor units")
      .optional(),
  ),
  TWILIO_ACCOUNT_SID: text,
  TWILIO_AUTH_TOKEN: text,
  TWILIO_FROM: text,
  TWILIO_API_BASE: url(/^https?$/),
  /** The platform's WhatsApp sender, as Twilio writes it: whatsapp:+14155238886. Without it, WhatsApp is not offered. */
  TWILIO_WHATSAPP_FROM: z.preprocess(
    unset,
    z
      .string()
      .regex(/^whatsapp:\+[1-9]\d{7,14}$/, "must be whatsapp:+ and a number in international form")
      .optional(),
  ),
  /**
   * The approved WhatsApp templates (Twilio's Content API) by message and language: {"order.confirm_cod":{"ar":"HX…","en":"HX…"},…}.
   * A message without one is sent on WhatsApp only inside the customer's 24-hour window.
   */
  TWILIO_WHATSAPP_CONTENT: json,
  MOYASAR_SECRET_KEY: text,
  MOYASAR_WEBHOOK_SECRET: text,
  MOYASAR_API_BASE: url(/^https?$/),
  REVIEW_PHOTOS_S3_ENDPOINT: url(/^https?$/),
  OUTBOUND_ALLOW_PRIVATE_HOSTS: text,
  /** Where email leaves: smtp://user:pass@host:587 or smtps://…; without it, emails are recorded as not sent. */
  SMTP_URL: url(/^smtps?$/),
  /** The sender of the installation's email, e.g. "Tajer <no-reply@desk.example.sa>". */
  MAIL_FROM: text,
  /**
   * ZATCA's e-invoicing API (https://gw-fatoora.zatca.gov.sa/e-invoicing/core/) and the production CSID's
   * token and secret, with its certificate's signature: all four, or the local simulator reports.
   */
  ZATCA_API_URL: url(/^https$/),
  ZATCA_CSID_TOKEN: text,
  ZATCA_CSID_SECRET: text,
  ZATCA_CERTIFICATE_SIGNATURE: text,
  /** SPL's National Address API (https://apina.address.gov.sa/) and its key: both, or short addresses are looked up in the local simulator. */
  NATIONAL_ADDRESS_API_URL: url(/^https$/),
  NATIONAL_ADDRESS_API_KEY: text,
  /** The key that encrypts stores' tax stamp keys; without it, a secret kept in the database (set it to keep the two apart). */
  TAX_KEY_SECRET: text,
});
export type Settings = z.output<typeof SETTINGS>;

/** Each setting that breaks its rule, as "NAME: rule", plus settings that only work together. */
export function settingsProblems(env: Env = process.env): string[] {
  const parsed = SETTINGS.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (!!env.TWILIO_ACCOUNT_SID !== !!env.TWILIO_AUTH_TOKEN) problems.push("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN: set both, or neither");
  const zatca = ["ZATCA_API_URL", "ZATCA_CSID_TOKEN", "ZATCA_CSID_SECRET", "ZATCA_CERTIFICATE_SIGNATURE"].filter((name) => env[name]);
  if (zatca.length && zatca.length < 4)
    problems.push("ZATCA_API_URL, ZATCA_CSID_TOKEN, ZATCA_CSID_SECRET and ZATCA_CERTIFICATE_SIGNATURE: set all four, or none");
  return problems;
}

/**
 * The settings as they are now (a few microseconds: read where needed, or once into a module constant).
 * A bad one throws, naming it; `npm start` checks them all before anything runs.
 */
export function settings(env: Env = process.env): Settings {
  const parsed = SETTINGS.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}
