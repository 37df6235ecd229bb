import "server-only";
import { z } from "zod";
import { rule } from "@/server/http/validation";
import { db } from "@/server/db/client";
import { AppError, issue } from "@/server/errors/app-error";
import { hashPassword } from "./password";
import { checkPasswordThrottled } from "./verify-credentials";
import { revokeOtherUserSessions } from "./user-sessions";

export const MIN_PASSWORD_LENGTH = 10;

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200, "must be at most 200 characters"),
    confirmPassword: z.string().max(200, "must be at most 200 characters"),
  })
  .strict()
  .refine((v) => v.confirmPassword === v.newPassword, { path: ["confirmPassword"], message: rule("passwordMismatch") });
export type ChangePasswordInput = z.output<typeof changePasswordInput>;

/**
 * The user changes their password: the current one is asked for, and every other browser signed in
 * as them is signed out at once (this one stays). Returns how many were signed out.
 */
export async function changePassword(
  session: { userId: string; sessionId: string | null },
  input: ChangePasswordInput,
  client: { address: string; deviceCookie: string | null } = { address: "unknown", deviceCookie: null },
): Promise<{ signedOutElsewhere: number }> {
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  // A stolen session must not become a way to guess the password: the same throttle as signing in.
  if (!(await checkPasswordThrottled(user.email, session.userId, user.passwordHash, input.currentPassword, client.address, client.deviceCookie))) {
    throw new AppError("VALIDATION_FAILED", "Your current password is not right.", {
      say: { key: "currentPasswordWrong" },
      fields: { currentPassword: issue("currentPasswordWrong") },
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError("VALIDATION_FAILED", "Choose a password you are not using now.", {
      say: { key: "samePassword" },
      fields: { newPassword: issue("mustDifferFromCurrent") },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.user.update({ where: { id: session.userId }, data: { passwordHash } });
  return { signedOutElsewhere: await revokeOtherUserSessions(session.userId, session.sessionId) };
}
