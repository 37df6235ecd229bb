"use server";

import { userAction } from "@/server/actions/action-client";
import { changePassword, changePasswordInput } from "@/server/auth/change-password";

const change = userAction({ input: changePasswordInput }, (input, session) => changePassword(session, input));

/** Changes the signed-in user's own password; their other browsers are signed out. */
export async function changePasswordAction(input: unknown) {
  return change(input as never);
}
