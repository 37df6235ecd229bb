import { z } from "zod";
import { rule } from "@/server/http/validation";
import { phoneInput } from "@/lib/phone";

// Weekdays in the order a Gulf week runs.
export const WEEKDAYS = ["sat", "sun", "mon", "tue", "wed", "thu", "fri"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule("timeLike", { example: "09:00" }));
const hours = z.strictObject({ open: time, close: time }).refine((h) => h.open < h.close, { message: rule("closeAfterOpen"), path: ["close"] });

/** Opening hours per weekday; a day left out is closed. */
export const workingHoursInput = z.partialRecord(z.enum(WEEKDAYS), hours);
export type WorkingHours = z.output<typeof workingHoursInput>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);
/** A phone that may be left empty (→ null); otherwise read like every phone field. */
const optionalPhone = z
  .string()
  .max(32)
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const parsed = phoneInput.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });

export const branchInput = z.strictObject({
  name: text(80),
  city: text(60),
  district: optionalText(60),
  address: text(200),
  phone: optionalPhone,
  workingHours: workingHoursInput.default({}),
  pickupContactName: optionalText(80),
  pickupContactPhone: optionalPhone,
  isDefault: z.boolean().default(false),
});
export type BranchInput = z.output<typeof branchInput>;

export const courierInput = z.strictObject({ name: text(60), phone: optionalPhone });

const cm = z.number().positive().max(300);
export const boxPresetInput = z.strictObject({ name: text(40), lengthCm: cm, widthCm: cm, heightCm: cm });
