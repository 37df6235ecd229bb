import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/server/http/validation";
import { authOptions } from "@/server/auth/auth-options";
import { changePassword, changePasswordInput } from "@/server/auth/change-password";
import { hashPassword } from "@/server/auth/password";
import { isUserSessionOpen, openUserSession, revokeUserSession } from "@/server/auth/user-sessions";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { JWT } from "next-auth/jwt";

async function newUser(password = "first-password-1") {
  const email = `user-${crypto.randomUUID()}@sessions.test`;
  return db.user.create({ data: { email, name: "Session User", passwordHash: await hashPassword(password) } });
}

describe("sessions", () => {
  it("signing in opens a session the cookie names; signing out closes it at once", async () => {
    const user = await newUser();
    const token = (await authOptions.callbacks!.jwt!({
      token: {} as JWT,
      user: { id: user.id, email: user.email, name: user.name },
      account: null,
      trigger: "signIn",
    })) as JWT;
    expect(token.sub).toBe(user.id);
    expect(typeof token.sid).toBe("string");
    expect(await isUserSessionOpen(user.id, token.sid as string)).toBe(true);
    // The same cookie presented for someone else, or without a session id, does not count.
    expect(await isUserSessionOpen(crypto.randomUUID(), token.sid as string)).toBe(false);
    expect(await isUserSessionOpen(user.id, undefined)).toBe(false);

    await authOptions.events!.signOut!({ token, session: null as never });
    expect(await isUserSessionOpen(user.id, token.sid as string)).toBe(false);
  });

  it("changing the password asks for the current one, signs out every other browser and keeps this one", async () => {
    const user = await newUser("first-password-1");
    const here = await openUserSession(user.id);
    const phone = await openUserSession(user.id);
    const laptop = await openUserSession(user.id);
    await revokeUserSession(laptop); // already signed out: not counted again

    const wrong = await changePassword(
      { userId: user.id, sessionId: here },
      changePasswordInput.parse({ currentPassword: "not-it", newPassword: "second-password-2", confirmPassword: "second-password-2" }),
    ).catch((e) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect(wrong).toMatchObject({ code: "VALIDATION_FAILED", fields: { currentPassword: "is not your current password" } });
    expect(await isUserSessionOpen(user.id, phone)).toBe(true);

    const same = await changePassword(
      { userId: user.id, sessionId: here },
      changePasswordInput.parse({ currentPassword: "first-password-1", newPassword: "first-password-1", confirmPassword: "first-password-1" }),
    ).catch((e) => e);
    expect(same).toMatchObject({ code: "VALIDATION_FAILED", fields: { newPassword: "must differ from the current password" } });

    const result = await changePassword(
      { userId: user.id, sessionId: here },
      changePasswordInput.parse({ currentPassword: "first-password-1", newPassword: "second-password-2", confirmPassword: "second-password-2" }),
    );
    expect(result).toEqual({ signedOutElsewhere: 1 });
    expect(await isUserSessionOpen(user.id, here)).toBe(true);
    expect(await isUserSessionOpen(user.id, phone)).toBe(false);
    expect(await verifyCredentials(user.email, "first-password-1", "10.9.9.1")).toBeNull();
    expect(await verifyCredentials(user.email, "second-password-2", "10.9.9.1")).toMatchObject({ id: user.id });
  });

  it("names the field and the rule for a short or mismatched new password", () => {
    const short = changePasswordInput.safeParse({ currentPassword: "x", newPassword: "short", confirmPassword: "short" });
    expect(short.success).toBe(false);
    expect(fieldErrorsOf(short.error!)).toMatchObject({ newPassword: "must be at least 10 characters" });
    const mismatch = changePasswordInput.safeParse({ currentPassword: "x", newPassword: "long-enough-1", confirmPassword: "long-enough-2" });
    expect(fieldErrorsOf(mismatch.error!)).toMatchObject({ confirmPassword: "does not match the new password" });
  });
});
