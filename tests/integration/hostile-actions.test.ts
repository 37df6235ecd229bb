// Random and hostile payloads at every server action, as the store's own owner: the action never
// throws, always answers in the one result shape (the field named when the input is at fault), and a
// refused call changes nothing the store owns. The actions come from the outsider suite's manifest, so
// a new action is covered here as soon as it is listed there.
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { ACTIONS, fingerprint, seedDoorsStore, type Victim } from "../support/doors";
import { hostileValue, near, poisoned } from "../support/hostile";

let signedIn: string | null = null;
vi.mock("@/server/auth/session", () => ({
  currentUserId: async () => signedIn,
  currentSession: async () => (signedIn ? { userId: signedIn, sessionId: "00000000-0000-7000-8000-000000000000" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// A form action's redirect after a success (a browser without scripts is sent on): nothing to follow here.
vi.mock("next/navigation", () => ({ redirect: () => undefined }));
// The request a server action runs in: the client's address as the app's server hands it over.
// A request's headers, and a cookie jar that has nothing and keeps nothing (the sign-in form's action sets cookies).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-tajer-client-address": "203.0.113.10" }),
  cookies: async () => ({ get: () => undefined, has: () => false, set: () => undefined }),
}));

const ROOT = path.resolve("src/app");
type Result = { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } };

let v: Victim;
beforeAll(async () => {
  process.env.REVIEW_PHOTOS_DIR = path.join("/tmp", `tajer-hostile-${process.pid}`);
  process.env.TAJER_EXPORTS_DIR = path.join("/tmp", `tajer-hostile-exports-${process.pid}`);
  v = await seedDoorsStore();
  signedIn = v.s.owner.id;
});

describe("hostile input at server actions", () => {
  for (const [key, c] of Object.entries(ACTIONS)) {
    it(`${key.replace(/^s\/\[storeSlug\]\//, "")}: never throws, one result shape, a refusal writes nothing`, async () => {
      const [file, name] = key.split("#");
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (...args: unknown[]) => Promise<Result>>;
      const valid = c.input(v);
      const payloads = valid && typeof valid === "object" ? fc.oneof(near(valid as Record<string, unknown>), hostileValue) : hostileValue;
      const passwordBefore = (await db.user.findUniqueOrThrow({ where: { id: v.s.owner.id } })).passwordHash;
      await fc.assert(
        fc.asyncProperty(payloads, async (payload) => {
          const before = await fingerprint(v.s.store.id);
          const result = c.self || c.anyone ? await mod[name](payload) : await mod[name](v.s.store.slug, payload);
          expect(typeof result.ok).toBe("boolean");
          if (!result.ok) {
            expect(typeof result.error?.code).toBe("string");
            expect(typeof result.error?.message).toBe("string");
            if (result.error?.code === "VALIDATION_FAILED") expect(Object.keys(result.error.fields ?? {}).length).toBeGreaterThan(0);
            expect(await fingerprint(v.s.store.id)).toEqual(before);
          }
        }),
        { numRuns: 8, seed: 20261126 },
      );
      // One field at a time made unstorable (NUL in a text, a number past the columns): a 422 naming it.
      for (const { path: field, payload } of poisoned(valid)) {
        const before = await fingerprint(v.s.store.id);
        const result = c.self || c.anyone ? await mod[name](payload) : await mod[name](v.s.store.slug, payload);
        expect(result, `${field}: ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
        expect(Object.keys(result.error?.fields ?? {}), field).toContain(field);
        expect(await fingerprint(v.s.store.id)).toEqual(before);
      }
      // The password is only ever changed by someone who knows it: no junk gets through.
      if (c.self) expect((await db.user.findUniqueOrThrow({ where: { id: v.s.owner.id } })).passwordHash).toBe(passwordBefore);
    });
  }
});
