import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { MAX_FAILURES_PER_ACCOUNT } from "@/server/auth/sign-in-throttle";
import { seedStore, TEST_PASSWORD } from "../support/factories";

describe("verifyCredentials", () => {
  it("accepts the right password, case-insensitive email, and refuses a wrong one the same way as an unknown email", async () => {
    const s = await seedStore();
    expect(await verifyCredentials(s.owner.email.toUpperCase(), TEST_PASSWORD, "10.0.0.1")).toMatchObject({ id: s.owner.id });
    expect(await verifyCredentials(s.owner.email, "wrong", "10.0.0.1")).toBeNull();
    expect(await verifyCredentials("nobody@nowhere.test", "wrong", "10.0.0.1")).toBeNull();
  });

  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures, even for the right password`, async () => {
    const s = await seedStore();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(await verifyCredentials(s.owner.email, "guess", `10.0.1.${i}`)).toBeNull();
    await expect(verifyCredentials(s.owner.email, TEST_PASSWORD, "10.0.2.1")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Failures age out of the window.
    await db.signInAttempt.updateMany({ where: { email: s.owner.email }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await verifyCredentials(s.owner.email, TEST_PASSWORD, "10.0.2.1")).toMatchObject({ id: s.owner.id });
  });
});
