import { buildOpenApiDocument } from "@/server/http/openapi";
import { publicRoute } from "@/server/http/public-route";

export const dynamic = "force-static";

/** The API's description: public, like any API's reference. */
export const GET = publicRoute({}, () => Response.json(buildOpenApiDocument()));
