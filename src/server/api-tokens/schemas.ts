import { z } from "zod";

export const createApiTokenInput = z.object({
  name: z.string().trim().min(1).max(60),
  role: z.enum(["ADMIN", "STAFF"]).default("STAFF"),
});
export type CreateApiTokenInput = z.output<typeof createApiTokenInput>;

export const revokeApiTokenInput = z.object({ tokenId: z.uuid() });
