import { notFoundResponse, storeRoute } from "@/server/http/public-route";
import { settings } from "@/server/settings";
import { closeStreamsOnShutdown, registerStream, streamStillAllowed, subscribe } from "@/server/notifications/live-events";
import { currentSession } from "@/server/auth/session";

// How often an open stream asks whether its session and membership still count (LIVE_RECHECK_MS).
const RECHECK_MS = settings().LIVE_RECHECK_MS;

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for one signed-in member of one store: "notification" when something is for
 * them, "order" when an order of the store changes. The browser reconnects by itself.
 */
export const GET = storeRoute(null, async ({ request, access }) => {
  const session = await currentSession();
  if (!session) return notFoundResponse();
  const userId = access.user.id;
  closeStreamsOnShutdown();

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => {
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribe((message) => {
        if (message.storeId !== access.store.id) return;
        // This member's place in the team changed (removed, new role, limited to their orders): the stream
        // ends now; the browser's reconnect is decided afresh (a 404 for someone no longer in the team).
        if (message.type === "member.changed" && message.userIds.includes(userId)) {
          send("ended", {});
          return cleanup();
        }
        if (message.userIds.includes(userId)) send("notification", { type: message.type, orderId: message.orderId });
        // Staff limited to their own orders hear only about those.
        if (message.type.startsWith("order.") && (!access.onlyAssigned || message.userIds.includes(userId)))
          send("order", { type: message.type, orderId: message.orderId });
      });
      const heartbeat = setInterval(() => send("ping", {}), 25_000);
      // A stream lives no longer than its right to exist: signed out, password changed elsewhere, or
      // removed from the store, and it ends within seconds (the browser's reconnect then gets a 404).
      const recheck = setInterval(() => {
        void streamStillAllowed(session, access.store.id).then(
          (allowed) => {
            if (!allowed) {
              send("ended", {});
              cleanup();
            }
          },
          () => undefined,
        );
      }, RECHECK_MS);
      const unregister = registerStream(() => cleanup());
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(recheck);
        unsubscribe();
        unregister();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", () => cleanup());
      send("ready", {});
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store, no-transform", Connection: "keep-alive" } });
});
