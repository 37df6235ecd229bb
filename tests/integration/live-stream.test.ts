// An open live stream ends within seconds once its session no longer counts: signed out (or signed out by
// a password change elsewhere), or removed from the store.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { openUserSession, revokeUserSession, revokeOtherUserSessions } from "@/server/auth/user-sessions";
import { seedStore, type SeededStore } from "../support/factories";

let session: { userId: string; sessionId: string } | null = null;
vi.mock("@/server/auth/session", () => ({
  currentUserId: async () => session?.userId ?? null,
  currentSession: async () => session,
}));

beforeAll(() => {
  process.env.LIVE_RECHECK_MS = "200";
});

/** Opens the store's live stream as `session` and returns when it ends (or "open" after `ms`). */
async function openStream(s: SeededStore) {
  const { GET } = await import("@/app/s/[storeSlug]/live/route");
  const response = await GET(new Request(`http://localhost/s/${s.store.slug}/live`), { params: Promise.resolve({ storeSlug: s.store.slug }) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return text;
      text += decoder.decode(value);
    }
  })();
  return {
    within: (ms: number) => Promise.race([ended, new Promise<"open">((r) => setTimeout(() => r("open"), ms))]),
    cancel: () => reader.cancel(),
  };
}

describe("the live stream", () => {
  it("stays open while the session counts, and ends within seconds of signing out", async () => {
    const s = await seedStore();
    session = { userId: s.owner.id, sessionId: await openUserSession(s.owner.id) };
    const stream = await openStream(s);
    expect(await stream.within(700)).toBe("open");
    await revokeUserSession(session.sessionId);
    const text = await stream.within(3_000);
    expect(text).not.toBe("open");
    expect(text).toContain("event: ended");
  });

  it("ends when a password change elsewhere signs this browser out", async () => {
    const s = await seedStore();
    session = { userId: s.owner.id, sessionId: await openUserSession(s.owner.id) };
    const stream = await openStream(s);
    await revokeOtherUserSessions(s.owner.id, await openUserSession(s.owner.id));
    expect(await stream.within(3_000)).toContain("event: ended");
  });

  it("ends when its user is removed from the store", async () => {
    const s = await seedStore();
    const staff = await db.user.create({ data: { email: `staff-${crypto.randomUUID()}@t.test`, name: "Staff", passwordHash: "x" } });
    await db.membership.create({ data: { storeId: s.store.id, userId: staff.id, role: "STAFF" } });
    session = { userId: staff.id, sessionId: await openUserSession(staff.id) };
    const stream = await openStream(s);
    expect(await stream.within(500)).toBe("open");
    await db.membership.delete({ where: { storeId_userId: { storeId: s.store.id, userId: staff.id } } });
    expect(await stream.within(3_000)).toContain("event: ended");
  });
});
