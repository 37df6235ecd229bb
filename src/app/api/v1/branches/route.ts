import { apiRoute, json } from "@/server/http/api-route";
import { listBranches } from "@/server/stores/list-branches";

export const GET = apiRoute("orders.read", async ({ ctx }) => json({ data: await listBranches(ctx) }));
