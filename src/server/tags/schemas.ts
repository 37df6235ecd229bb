import { z } from "zod";

export const TAG_COLORS = ["slate", "red", "amber", "green", "teal", "sky", "indigo", "pink"] as const;

/** Tag names are trimmed and compared without case: "VIP" and " vip " are one tag. */
export const normalizeTagName = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export const tagName = z.string().trim().min(1).max(40).transform(normalizeTagName);

export const addTagsInput = z.strictObject({ tags: z.array(tagName).min(1).max(20) });
export const updateTagInput = z.strictObject({ tagId: z.uuid(), name: tagName.optional(), color: z.enum(TAG_COLORS).optional() });
