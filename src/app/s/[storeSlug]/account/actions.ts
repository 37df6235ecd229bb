"use server";

import { userAction } from "@/server/actions/action-client";
import { headers } from "next/headers";
import { changePassword, changePasswordInput } from "@/server/auth/change-password";
import { deviceCookieFrom } from "@/server/auth/known-device";
import { requestAddress } from "@/server/http/client-address";

/** Changes the signed-in user's own password; their other browsers are signed out. */
export const changePasswordAction = userAction({ input: changePasswordInput }, async (input, session) => {
  const request = await headers();
  return changePassword(session, input, { address: requestAddress(request), deviceCookie: deviceCookieFrom(request.get("cookie")) });
});
