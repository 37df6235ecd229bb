import { apiRoute, json } from "@/server/http/api-route";
import { listBranches } from "@/server/shipping/manage-branches";

export const GET = apiRoute("orders.read", async ({ ctx }) => json({ data: await listBranches(ctx) }));
