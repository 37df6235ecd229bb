import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { changePassword } from "@/server/auth/change-password";
import { rememberDevice } from "@/server/auth/known-device";
import { FREE_FAILURES_PER_PAIR, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/server/auth/sign-in-throttle";
import { seedStore, TEST_PASSWORD } from "../support/factories";

/** Moves an account's failures back in time, as if the waits had passed. */
const age = (email: string, ms: number) =>
  db.$executeRaw`UPDATE sign_in_attempts SET "createdAt" = "createdAt" - make_interval(secs => ${ms / 1000}) WHERE email = ${email}`;

describe("verifyCredentials", () => {
  it("accepts the right password, case-insensitive email, and refuses a wrong one the same way as an unknown email", async () => {
    const s = await seedStore();
    expect(await verifyCredentials(s.owner.email.toUpperCase(), TEST_PASSWORD, "10.0.0.1")).toMatchObject({ id: s.owner.id });
    expect(await verifyCredentials(s.owner.email, "wrong", "10.0.0.1")).toBeNull();
    expect(await verifyCredentials("nobody@nowhere.test", "wrong", "10.0.0.1")).toBeNull();
    // What could not be an address, or be stored, is just wrong: no error, nothing recorded.
    const attempts = await db.signInAttempt.count();
    expect(await verifyCredentials("a\u0000b@x.test", "x", "10.0.0.1")).toBeNull();
    expect(await verifyCredentials(s.owner.email, "pass\u0000word", "10.0.0.1")).toBeNull();
    expect(await db.signInAttempt.count()).toBe(attempts);
  });

  it("cannot be turned against the owner: after many guesses from everywhere, the owner's own browser still gets in with the right password", async () => {
    const s = await seedStore();
    const ownersBrowser = await rememberDevice(null, s.owner.id);
    // An attacker who knows the email guesses from many addresses, well past the account's limit.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(await verifyCredentials(s.owner.email, `guess-${i}`, `203.0.113.${i}`)).toBeNull();
    await expect(verifyCredentials(s.owner.email, "one-more-guess", "203.0.113.200")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { reason: "account_protected" },
    });
    // A browser that never signed in to this account is held back, with the reason…
    await expect(verifyCredentials(s.owner.email, TEST_PASSWORD, "198.51.100.7")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { reason: "account_protected" },
    });
    // …a browser of another account does not count as the owner's…
    const other = await seedStore();
    await expect(verifyCredentials(s.owner.email, TEST_PASSWORD, "198.51.100.7", await rememberDevice(null, other.owner.id))).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // …and the owner's own browser gets in, which clears the account's failures.
    expect(await verifyCredentials(s.owner.email, TEST_PASSWORD, "198.51.100.7", ownersBrowser)).toMatchObject({ id: s.owner.id });
    expect(await db.signInAttempt.count({ where: { email: s.owner.email, succeeded: false } })).toBe(0);
    expect(await verifyCredentials(s.owner.email, TEST_PASSWORD, "198.51.100.8")).toMatchObject({ id: s.owner.id });
  });

  it("the owner signing in on several devices at the same moment gets in on every one", async () => {
    const s = await seedStore();
    const tries = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => verifyCredentials(s.owner.email, TEST_PASSWORD, `198.51.100.${20 + (i % 2)}`)));
    expect(tries.map((t) => (t.status === "fulfilled" ? t.value?.id : t.reason?.code))).toEqual(Array(6).fill(s.owner.id));
    expect(await db.signInAttempt.count({ where: { email: s.owner.email, succeeded: false } })).toBe(0);
    expect(await db.signInAttempt.count({ where: { email: s.owner.email, succeeded: true } })).toBe(6);
  });

  it("slows the guesser per account and address, doubling the wait; another address of the same account is not slowed", async () => {
    const s = await seedStore();
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++) expect(await verifyCredentials(s.owner.email, "guess", "203.0.113.9")).toBeNull();
    // Past the free tries, the pair waits a second before the next one — even with the right password.
    await expect(verifyCredentials(s.owner.email, TEST_PASSWORD, "203.0.113.9")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { reason: "slow_down", retryAfterSeconds: 1 },
    });
    // The owner elsewhere is not held up by the guesser's pair.
    expect(await verifyCredentials(s.owner.email, TEST_PASSWORD, "198.51.100.1")).toMatchObject({ id: s.owner.id });
    // The owner's success cleared the failures; each wait the guesser keeps doubles: 1 s, 2 s, 4 s.
    for (let i = 0; i < FREE_FAILURES_PER_PAIR + 2; i++) {
      await age(s.owner.email, 10_000);
      expect(await verifyCredentials(s.owner.email, "guess", "203.0.113.9")).toBeNull();
    }
    await expect(verifyCredentials(s.owner.email, "guess", "203.0.113.9")).rejects.toMatchObject({ details: { reason: "slow_down", retryAfterSeconds: 4 } });
  });

  it("an address guessing across many accounts is stopped for browsers it never signed in from", async () => {
    const stores = await Promise.all([seedStore(), seedStore()]);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      await db.signInAttempt.create({ data: { email: `victim-${i}@x.test`, ip: "203.0.113.77", succeeded: false } });
    await expect(verifyCredentials(stores[0].owner.email, TEST_PASSWORD, "203.0.113.77")).rejects.toMatchObject({ details: { reason: "address_blocked" } });
    expect(await verifyCredentials(stores[1].owner.email, TEST_PASSWORD, "203.0.113.77", await rememberDevice(null, stores[1].owner.id))).toMatchObject({
      id: stores[1].owner.id,
    });
  });
});

describe("change password", () => {
  it("wrong current passwords are throttled like sign-in", async () => {
    const s = await seedStore();
    const session = { userId: s.owner.id, sessionId: null };
    const input = { currentPassword: "not-it", newPassword: "a-new-password-1", confirmPassword: "a-new-password-1" };
    const client = { address: "203.0.113.5", deviceCookie: null };
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++)
      await expect(changePassword(session, input, client)).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { currentPassword: "is not your current password" },
      });
    await expect(changePassword(session, { ...input, currentPassword: TEST_PASSWORD }, client)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { reason: "slow_down" },
    });
    await age(s.owner.email, 600_000);
    await expect(changePassword(session, { ...input, currentPassword: TEST_PASSWORD }, client)).resolves.toMatchObject({ signedOutElsewhere: 0 });
  });
});
