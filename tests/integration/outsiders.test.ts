// Outsiders, from a manifest of every server action and route handler: another store's user and API
// token get "not found" (never "forbidden", which would confirm the thing exists), and the victim store's
// data is byte-for-byte unchanged. A new action or route without an entry here fails the first test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ACTIONS, ROUTES, fingerprint, seedDoorsStore, type Victim } from "../support/doors";
import { seedStore, type SeededStore } from "../support/factories";

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

function files(dir: string, match: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full, match) : match(full) ? [full] : [];
  });
}
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");

let victim: Victim;
let outsider: SeededStore;

beforeAll(async () => {
  process.env.REVIEW_PHOTOS_DIR = path.join("/tmp", `tajer-outsider-${process.pid}`);
  process.env.TAJER_EXPORTS_DIR = path.join("/tmp", `tajer-outsider-exports-${process.pid}`);
  victim = await seedDoorsStore();
  outsider = await seedStore();
});

describe("outsiders", () => {
  it("every server action and every route handler has an entry in this manifest", async () => {
    const actionFiles = files(ROOT, (f) => /\.tsx?$/.test(f) && readFileSync(f, "utf8").startsWith('"use server"'));
    const actions = actionFiles.flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/export (?:async function (\w+)|const (\w+) = (?:storeAction|userAction|publicFormAction|userFormAction)\()/g)].map(
        (m) => `${rel(f)}#${m[1] ?? m[2]}`,
      ),
    );
    const routes = files(ROOT, (f) => f.endsWith("route.ts")).flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((m) => `${rel(f)}#${m[1]}`),
    );
    const nextAuth = "api/auth/[...nextauth]/route.ts";
    const found = [...actions, ...routes, ...(routes.some((r) => r.startsWith(nextAuth)) ? [] : [`${nextAuth}#GET`, `${nextAuth}#POST`])];
    expect(
      found.filter((k) => !(k in ACTIONS) && !(k in ROUTES)),
      "missing from the outsider manifest",
    ).toEqual([]);
    expect(
      Object.keys({ ...ACTIONS, ...ROUTES }).filter((k) => !found.includes(k)),
      "stale manifest entries",
    ).toEqual([]);
  });

  it("server actions: as a member of another store, through the victim's slug (not found) and its own (with the victim's ids): nothing of the victim is answered or changed", async () => {
    const before = await fingerprint(victim.s.store.id);
    signedIn = outsider.owner.id;
    for (const [key, c] of Object.entries(ACTIONS)) {
      const [file, name] = key.split("#");
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
        string,
        (slug: string, input?: unknown) => Promise<{ ok: boolean; error?: { code: string } }>
      >;
      if (c.anyone) {
        // Doors anyone may knock on (signing in, signing up, email links): the same answer as to anyone, nothing of the victim's.
        const tried = await (mod[name] as unknown as (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(c.input(victim));
        expect(tried.ok ? "ok" : tried.error?.code, key).toBe(c.answer);
        expectNoLeak(key, tried, c.input(victim));
        continue;
      }
      if (c.self) {
        // About the signed-in outsider themself: a wrong current password is named (or the door's own answer), nothing else happens.
        const own = await (mod[name] as unknown as (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(c.input(victim));
        expect(own.ok ? "ok" : own.error?.code, key).toBe(c.answer ?? "VALIDATION_FAILED");
        expectNoLeak(key, own);
        continue;
      }
      const onVictim = await mod[name](victim.s.store.slug, c.input(victim));
      expect(onVictim, key).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      expectNoLeak(`${key} (victim's slug)`, onVictim, c.input(victim));
      // Its own store's URL with the victim's ids: a door naming the victim's things finds none of them;
      // any other may work on the outsider's own store, and answer nothing of the victim's.
      const crossed = await mod[name](outsider.store.slug, c.input(victim));
      if (c.crossIds) expect(crossed.ok ? "ok" : crossed.error?.code, `${key} with the victim's ids`).toBe("NOT_FOUND");
      expectNoLeak(`${key} (own slug)`, crossed, c.input(victim));
    }
    expect(await fingerprint(victim.s.store.id)).toEqual(before);
  });

  it("route handlers: another store's token or member, through the victim's URL and its own, gets 404 for the victim's things, and no answer holds anything of the victim's", async () => {
    const before = await fingerprint(victim.s.store.id);
    signedIn = outsider.owner.id;
    for (const [key, c] of Object.entries(ROUTES)) {
      if (c.expect === "public") continue;
      const [file, method] = key.split("#");
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
        string,
        (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
      >;
      const params = c.params(victim);
      // Dashboard handlers name their store in the URL: both the victim's and the outsider's own.
      const slugs = file.startsWith("s/") ? [victim.s.store.slug, outsider.store.slug] : [null];
      for (const slug of slugs) {
        const p = slug ? { ...params, storeSlug: slug } : params;
        const url = new URL(`http://localhost/${file.replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, (_, k: string) => p[k] ?? k)}`);
        if (file.startsWith("s/")) url.searchParams.set("ids", victim.shipmentId);
        const body = c.body?.(victim) ?? (c.expect === "own-data" && method === "POST" ? {} : undefined);
        const controller = new AbortController();
        const response = await mod[method](
          new Request(url, {
            method,
            signal: controller.signal,
            headers: { authorization: `Bearer ${outsider.tokens.OWNER}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
            body: body === undefined ? undefined : JSON.stringify(body),
          }),
          { params: Promise.resolve(p) },
        );
        const label = `${key}${slug ? ` as /s/${slug === victim.s.store.slug ? "victim" : "own"}` : ""}`;
        // An own live stream is endless: its first event is read, then it is closed.
        const text = response.headers.get("content-type")?.includes("text/event-stream")
          ? await firstChunk(response, controller)
          : Buffer.from(await response.arrayBuffer()).toString("latin1");
        const ownCollection = c.expect === "own-data" || (slug === outsider.store.slug && c.ownSlug === "own-data");
        if (ownCollection) expect(response.status, label).toBeLessThan(500);
        else expect(response.status, label).toBe(404);
        expectNoLeak(label, text, { url: url.toString(), body });
      }
    }
    expect(await fingerprint(victim.s.store.id)).toEqual(before);
  });
});

/**
 * No answer to an outsider may contain any of the victim's ids or seeded values — other than what the
 * outsider itself sent (an id it asked about, echoed back as "not found", tells it nothing new).
 */
function expectNoLeak(where: string, answer: unknown, asked: unknown = null) {
  const text = typeof answer === "string" ? answer : JSON.stringify(answer);
  const sent = JSON.stringify(asked ?? "");
  for (const marker of victim.markers.filter((m) => !sent.includes(m))) expect(text.includes(marker), `${where} answered the victim's ${marker}`).toBe(false);
}

async function firstChunk(response: Response, controller: AbortController): Promise<string> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  controller.abort();
  return new TextDecoder().decode(value);
}
