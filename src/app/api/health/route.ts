import { publicRoute } from "@/server/http/public-route";

// The load balancer's health check: this app server is up and answering. It does not ask the database, so a
// slow database does not take every app server out of the pool at once. Not rate limited: the proxy asks
// every second.
export const dynamic = "force-dynamic";

export const GET = publicRoute({}, () => new Response("ok\n", { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } }));
