"use server";

import { headers } from "next/headers";
import { storeAction } from "@/server/actions/action-client";
import { requestAddress } from "@/server/http/client-address";
import { deviceCookieFrom } from "@/server/auth/known-device";
import { inviteInput, inviteMember, invitationIdInput, resendInvitation, revokeInvitation } from "@/server/team/invitations";
import {
  changeMemberRole,
  changeRoleInput,
  onlyAssignedInput,
  removeMember,
  removeMemberInput,
  setOnlyAssignedOrders,
  transferOwnership,
  transferOwnershipInput,
} from "@/server/team/team";

/** Who changed the team from where: the address the app's own server saw. */
const meta = async () => ({ address: requestAddress(await headers()) });
const team = (slug: string) => `/s/${slug}/settings/team`;

export const inviteMemberAction = storeAction({ input: inviteInput, permission: "team.manage", revalidate: team }, async (input, ctx) =>
  inviteMember(ctx, input, await meta()),
);
export const resendInvitationAction = storeAction({ input: invitationIdInput, permission: "team.manage", revalidate: team }, async (input, ctx) =>
  resendInvitation(ctx, input, await meta()),
);
export const revokeInvitationAction = storeAction({ input: invitationIdInput, permission: "team.manage", revalidate: team }, async (input, ctx) =>
  revokeInvitation(ctx, input, await meta()),
);
export const changeMemberRoleAction = storeAction({ input: changeRoleInput, permission: "team.manage", revalidate: team }, async (input, ctx) =>
  changeMemberRole(ctx, input, await meta()),
);
export const setOnlyAssignedAction = storeAction({ input: onlyAssignedInput, permission: "team.manage", revalidate: team }, async (input, ctx) =>
  setOnlyAssignedOrders(ctx, input, await meta()),
);
/** Removes a member; any member may also remove themself (leave the store). */
export const removeMemberAction = storeAction({ input: removeMemberInput, permission: "orders.read", revalidate: "store" }, async (input, ctx) =>
  removeMember(ctx, input, await meta()),
);
export const transferOwnershipAction = storeAction({ input: transferOwnershipInput, permission: "team.manage", revalidate: "store" }, async (input, ctx) => {
  const request = await headers();
  return transferOwnership(ctx, input, { address: requestAddress(request), deviceCookie: deviceCookieFrom(request.get("cookie")) });
});
