"use server";

import { headers } from "next/headers";
import { publicFormAction, userFormAction } from "@/server/actions/action-client";
import { acceptInvitation, acceptInvitationInput, joinWithNewAccount, joinWithNewAccountInput } from "@/server/team/invitations";
import { startSession } from "@/server/auth/password-sign-in";
import { requestAddress } from "@/server/http/client-address";
import { readerLocale } from "@/i18n/reader-locale";

const meta = async () => ({ address: requestAddress(await headers()) });
const landing = (joined: { slug: string }) => `/s/${joined.slug}/orders`;

/** The signed-in user joins the team whose invitation was sent to their address. */
export const acceptInvitationAction = userFormAction({ input: acceptInvitationInput, redirectTo: landing }, async (input, session) =>
  acceptInvitation(session.userId, input, await meta()),
);

/** Someone invited without an account: one for the invited address, in the team, signed in. */
export const joinWithNewAccountAction = publicFormAction({ input: joinWithNewAccountInput, redirectTo: landing }, async (input) => {
  const joined = await joinWithNewAccount(input, await readerLocale(), await meta());
  await startSession(joined.user);
  return { slug: joined.slug };
});
