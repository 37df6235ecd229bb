import { z } from "zod";

export const blockCustomerInput = z.strictObject({ reason: z.string().trim().min(3).max(300) });
export const listCustomersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  blocked: z.enum(["only", "exclude"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListCustomersQuery = z.output<typeof listCustomersQuery>;
