// One LISTEN connection per app process fans Postgres notifications out to the open browser streams
// of this process. Several app servers each listen: every one hears every NOTIFY.
import pg from "pg";
import { db } from "@/server/db/client";
import { settings } from "@/server/settings";
import { LIVE_CHANNEL } from "./notify-users";

export type LiveMessage = { storeId: string; userIds: string[]; type: string; orderId: string | null };
type Listener = (message: LiveMessage) => void;

const state = globalThis as unknown as { tajerLive?: { listeners: Set<Listener>; client: Promise<pg.Client> | null; closers: Set<() => void> } };
const live = (state.tajerLive ??= { listeners: new Set(), client: null, closers: new Set() });

async function connect(): Promise<pg.Client> {
  // LISTEN holds a session: behind a pooler in transaction mode it needs a connection of its own to the database.
  const client = new pg.Client({ connectionString: settings().DATABASE_LISTEN_URL ?? process.env.DATABASE_URL });
  await client.connect();
  client.on("notification", (n) => {
    if (n.channel !== LIVE_CHANNEL || !n.payload) return;
    let message: LiveMessage;
    try {
      message = JSON.parse(n.payload);
    } catch {
      return;
    }
    for (const listener of live.listeners) listener(message);
  });
  client.on("error", () => {
    live.client = null;
  });
  client.on("end", () => {
    live.client = null;
  });
  await client.query(`LISTEN ${LIVE_CHANNEL}`);
  return client;
}

export async function subscribe(listener: Listener): Promise<() => void> {
  live.client ??= connect().catch((error) => {
    live.client = null;
    throw error;
  });
  await live.client;
  live.listeners.add(listener);
  return () => live.listeners.delete(listener);
}

/** Whether a stream's session is still open and its user still a member of the store (one query). */
export async function streamStillAllowed(session: { userId: string; sessionId: string }, storeId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ ok: number }[]>`
    SELECT 1 AS ok FROM user_sessions s JOIN memberships m ON m."userId" = s."userId" AND m."storeId" = ${storeId}::uuid
    WHERE s.id = ${session.sessionId}::uuid AND s."userId" = ${session.userId}::uuid AND s."revokedAt" IS NULL`;
  return rows.length > 0;
}

/** Open streams register how to close themselves, so a shutdown is never held up by a browser tab. */
export function registerStream(close: () => void): () => void {
  live.closers.add(close);
  return () => live.closers.delete(close);
}

let hooked = false;
export function closeStreamsOnShutdown() {
  if (hooked) return;
  hooked = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      for (const close of live.closers) close();
      void live.client?.then((c) => c.end()).catch(() => {});
      // Next's own handler closes the server; should nothing else end the process, do it here.
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}
