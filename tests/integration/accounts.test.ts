import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { runDueJobs } from "@/server/jobs/worker";
import { signUp } from "@/server/accounts/sign-up";
import { emailStatus, requestPasswordReset, resendVerificationEmail, resetPassword, verifyEmail } from "@/server/accounts/verify-and-reset";
import { createEmailToken } from "@/server/accounts/email-tokens";
import { createStore, createStoreInput } from "@/server/accounts/create-store";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { openUserSession, isUserSessionOpen } from "@/server/auth/user-sessions";
import { parseInput } from "@/server/http/validation";
import { isAppError } from "@/server/errors/app-error";
import { mailJobsForSuite } from "../support/mail-jobs";

const suite = mailJobsForSuite();

const address = () => `person-${crypto.randomUUID()}@test.test`;
const inbox = (to: string) => suite.mail().inbox.filter((m) => m.to.includes(to));
const linkIn = (text: string, path: string) => new URL(text.match(/https?:\/\/\S+/g)!.find((u) => u.includes(path))!).searchParams.get("token")!;
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return isAppError(error) ? { code: error.code, fields: error.fields } : error;
  }
};
const input = { name: "Noura", password: "a-long-password", confirmPassword: "a-long-password" };

describe("sign-up, the emailed links and a new store", () => {
  it("a new address gets a link in the reader's language over SMTP; the link confirms it once; the stored body is blanked once sent", async () => {
    const email = address();
    await signUp({ ...input, email }, "ar");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    await runDueJobs(suite.handlers());
    const [received] = inbox(email);
    expect(received.subject).toBe("أكّد بريدك الإلكتروني في تاجر");
    expect(received.html).toContain('dir="rtl"');
    const token = linkIn(received.text, "/verify-email");
    expect((await db.emailMessage.findFirstOrThrow({ where: { to: email } })).text).toBe("");
    expect(await verifyEmail(token)).toMatchObject({ id: user.id, email });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
    expect(await refusal(verifyEmail(token))).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("an address with an account is told so by email, and the page says the same as for a new one; nothing is made", async () => {
    const email = address();
    await signUp({ ...input, email }, "en");
    await signUp({ ...input, name: "Someone else", email }, "en");
    expect(await db.user.count({ where: { email } })).toBe(1);
    await runDueJobs(suite.handlers());
    expect(inbox(email).map((m) => m.subject)).toEqual(["Confirm your email for Tajer", "You already have a Tajer account"]);
  });

  it("a reset link only for an address with an account; it sets the password once, signs every browser out and says so by email", async () => {
    const stranger = address();
    await requestPasswordReset({ email: stranger }, "en");
    await runDueJobs(suite.handlers());
    expect(inbox(stranger)).toEqual([]);

    const email = address();
    await signUp({ ...input, email }, "en");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const session = await openUserSession(user.id);
    await requestPasswordReset({ email }, "en");
    await runDueJobs(suite.handlers());
    const token = linkIn(inbox(email).find((m) => m.subject === "Set a new Tajer password")!.text, "/reset-password");
    await resetPassword({ token, password: "another-long-password", confirmPassword: "another-long-password" }, "en");
    expect(await isUserSessionOpen(user.id, session)).toBe(false);
    expect(await verifyCredentials(email, "another-long-password", "203.0.113.7")).toMatchObject({ id: user.id });
    expect(await verifyCredentials(email, input.password, "203.0.113.7")).toBeNull();
    // The link reached the address: it counts as confirmed.
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
    expect(await refusal(resetPassword({ token, password: "third-long-password", confirmPassword: "third-long-password" }, "en"))).toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await runDueJobs(suite.handlers());
    expect(inbox(email).map((m) => m.subject)).toContain("Your Tajer password was changed");
  });

  it("an expired link is refused; no more than three emails an hour reach one address", async () => {
    const email = address();
    await signUp({ ...input, email }, "en");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const old = await db.$transaction((tx) => createEmailToken(tx, user.id, "VERIFY_EMAIL", new Date(Date.now() - 25 * 3_600_000)));
    expect(await refusal(verifyEmail(old))).toMatchObject({ code: "VALIDATION_FAILED" });
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email }, "en");
    expect(await db.emailMessage.count({ where: { to: email } })).toBe(3);
  });

  it("a link that expired: a new one on request, in the user's language, the old ones dead; within the hourly limit; nothing for a confirmed address", async () => {
    const email = address();
    await signUp({ ...input, email }, "ar");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await runDueJobs(suite.handlers());
    const first = linkIn(inbox(email)[0].text, "/verify-email");
    expect(await emailStatus(user.id)).toEqual({ email, confirmed: false });
    expect(await resendVerificationEmail(user.id, "en")).toEqual({ email, alreadyConfirmed: false });
    await runDueJobs(suite.handlers());
    const second = inbox(email)[1];
    // The user signed up in Arabic: the new link speaks Arabic whoever's browser asked.
    expect(second.subject).toBe("أكّد بريدك الإلكتروني في تاجر");
    expect(await refusal(verifyEmail(first))).toMatchObject({ code: "VALIDATION_FAILED" });
    await resendVerificationEmail(user.id, "ar");
    expect(await refusal(resendVerificationEmail(user.id, "ar"))).toMatchObject({ code: "RATE_LIMITED" });
    await runDueJobs(suite.handlers());
    expect(inbox(email)).toHaveLength(3);
    await verifyEmail(linkIn(inbox(email)[2].text, "/verify-email"));
    expect(await emailStatus(user.id)).toEqual({ email, confirmed: true });
    expect(await resendVerificationEmail(user.id, "ar")).toEqual({ email, alreadyConfirmed: true });
  });

  it("a store: the address's rules are named, a taken one too; the owner and an empty wallet in its currency; only with a confirmed address", async () => {
    const email = address();
    await signUp({ ...input, email }, "en");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const store = (slug: string) => ({ name: "Dates & Co", slug, locale: "en", currency: "AED", timeZone: "Asia/Dubai" });
    expect(await refusal(createStore(user.id, parseInput(createStoreInput, store(`dates-${Date.now()}`))))).toMatchObject({ code: "FORBIDDEN" });
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    for (const [slug, rule] of [
      ["admin", "Tajer keeps"],
      ["9lives", "starting with a letter"],
      ["a-", "starting with a letter"],
    ])
      expect(await refusal(Promise.resolve().then(() => parseInput(createStoreInput, store(slug))))).toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { slug: expect.stringContaining(rule) },
      });
    const slug = `dates-${Date.now().toString(36)}`;
    expect(await createStore(user.id, parseInput(createStoreInput, store(slug.toUpperCase())))).toEqual({ slug });
    const made = await db.store.findUniqueOrThrow({ where: { slug }, include: { memberships: true, wallet: true } });
    expect(made.memberships).toEqual([expect.objectContaining({ userId: user.id, role: "OWNER" })]);
    expect(made.wallet).toMatchObject({ balance: 0, currency: "AED" });
    expect(await refusal(createStore(user.id, parseInput(createStoreInput, store(slug))))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { slug: "is taken by another store" },
    });
  });

  it("an SMTP server in trouble: a temporary refusal is tried again later and delivered once; a permanent one is recorded, not retried", async () => {
    const email = address();
    await runDueJobs(suite.handlers()); // what earlier tests left queued goes first, so the refusal meets this test's email
    suite.mail().refuseNext(421);
    await signUp({ ...input, email }, "en");
    await runDueJobs(suite.handlers());
    expect(inbox(email)).toEqual([]);
    expect(await db.emailMessage.findFirstOrThrow({ where: { to: email } })).toMatchObject({
      status: "QUEUED",
      lastError: expect.stringContaining("try again"),
    });
    await runDueJobs(suite.handlers(), { now: new Date(Date.now() + 3_600_000) });
    expect(inbox(email)).toHaveLength(1);
    expect(await db.emailMessage.findFirstOrThrow({ where: { to: email } })).toMatchObject({ status: "SENT", text: "", html: "" });

    const other = address();
    suite.mail().refuseNext(550);
    await signUp({ ...input, email: other }, "en");
    await runDueJobs(suite.handlers());
    expect(await db.emailMessage.findFirstOrThrow({ where: { to: other } })).toMatchObject({
      status: "FAILED",
      lastError: expect.stringContaining("unavailable"),
    });
    await runDueJobs(suite.handlers(), { now: new Date(Date.now() + 3_600_000) });
    expect(inbox(other)).toEqual([]);
  });
});
