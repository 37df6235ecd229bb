import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { runDueJobs } from "@/server/jobs/worker";
import { isAppError } from "@/server/errors/app-error";
import { parseInput } from "@/server/http/validation";
import { resolveMembership } from "@/server/stores/resolve-membership";
import { subscribe, type LiveMessage } from "@/server/notifications/live-events";
import { assignOrder } from "@/server/orders/assign-order";
import { listAuditEntries } from "@/server/team/audit";
import {
  acceptInvitation,
  invitationForLink,
  inviteInput,
  inviteMember,
  joinWithNewAccount,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from "@/server/team/invitations";
import { changeMemberRole, listMembers, removeMember, setOnlyAssignedOrders, transferOwnership } from "@/server/team/team";
import type { StoreContext } from "@/server/auth/context";
import { TEST_PASSWORD, seedOrder, seedStore, type SeededStore } from "../support/factories";
import { mailJobsForSuite } from "../support/mail-jobs";

const suite = mailJobsForSuite();

const meta = { address: "203.0.113.9" };
const address = () => `person-${crypto.randomUUID()}@test.test`;
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, key: error.say?.key, fields: error.fields };
  }
};
/** The link of the newest invitation email to an address, once the queue has sent it. */
async function linkTo(email: string) {
  await runDueJobs(suite.handlers());
  const received = suite
    .mail()
    .inbox.filter((m) => m.to.includes(email))
    .at(-1)!;
  const url = new URL(received.text.match(/https?:\/\/\S+\/join\S+/)![0]);
  return { store: url.searchParams.get("store")!, token: url.searchParams.get("token")!, subject: received.subject, text: received.text };
}
async function member(s: SeededStore, role: "ADMIN" | "STAFF", name = `${role} ${crypto.randomUUID().slice(0, 4)}`) {
  const user = await db.user.create({ data: { email: address(), name, passwordHash: "x", emailVerifiedAt: new Date() } });
  await db.membership.create({ data: { storeId: s.store.id, userId: user.id, role } });
  const ctx: StoreContext = { storeId: s.store.id, role, actor: { type: "USER", id: user.id, name: user.name } };
  return { user, ctx };
}

describe("the team", () => {
  it("an invitation by email in the store's language; a new person makes an account from it and is in, confirmed; the link works once; all of it in the log", async () => {
    const s = await seedStore();
    await db.store.update({ where: { id: s.store.id }, data: { locale: "ar" } });
    const email = address();
    await inviteMember(s.ctx(), parseInput(inviteInput, { email: email.toUpperCase(), role: "STAFF", onlyAssignedOrders: true }), meta);
    const link = await linkTo(email);
    expect(link.subject).toContain("دعاك");
    expect(link.text).toContain(s.owner.name);
    expect(await invitationForLink(link.store, link.token)).toMatchObject({ email, role: "STAFF", hasAccount: false, inviter: s.owner.name });
    const joined = await joinWithNewAccount({ ...link, name: "Sara", password: "a-long-password", confirmPassword: "a-long-password" }, "ar", meta);
    expect(joined.slug).toBe(s.store.slug);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await resolveMembership(user.id, s.store.slug)).toMatchObject({ role: "STAFF", onlyAssigned: true });
    expect(await invitationForLink(link.store, link.token)).toBeNull();
    expect(await refusal(acceptInvitation(user.id, link, meta))).toMatchObject({ code: "VALIDATION_FAILED", key: "invitationGone" });
    const { entries } = await listAuditEntries(s.ctx());
    expect(entries.map((e) => [e.action, e.actorName, e.subject, e.address])).toEqual([
      ["member.joined", "Sara", email, meta.address],
      ["member.invited", s.owner.name, email, meta.address],
    ]);
  });

  it("an account that exists joins by its own sign-in; another signed-in account is refused and told whose it is; a member is not invited twice", async () => {
    const s = await seedStore();
    const invitee = await db.user.create({ data: { email: address(), name: "Khalid", passwordHash: "x", locale: "en" } });
    const stranger = await db.user.create({ data: { email: address(), name: "Stranger", passwordHash: "x" } });
    await inviteMember(s.ctx(), { email: invitee.email, role: "ADMIN", onlyAssignedOrders: false }, meta);
    const link = await linkTo(invitee.email);
    // The invitee's own language, not the store's.
    expect(link.subject).toMatch(/invited you to/);
    expect(await invitationForLink(link.store, link.token)).toMatchObject({ hasAccount: true });
    expect(await refusal(acceptInvitation(stranger.id, link, meta))).toMatchObject({ code: "FORBIDDEN", key: "invitationForAnother" });
    expect(
      await refusal(joinWithNewAccount({ ...link, name: "x", password: "a-long-password", confirmPassword: "a-long-password" }, "en", meta)),
    ).toMatchObject({
      code: "CONFLICT",
      key: "signInToJoin",
    });
    expect(await acceptInvitation(invitee.id, link, meta)).toEqual({ slug: s.store.slug });
    expect(await resolveMembership(invitee.id, s.store.slug)).toMatchObject({ role: "ADMIN" });
    expect(await refusal(inviteMember(s.ctx(), { email: invitee.email, role: "STAFF", onlyAssignedOrders: false }, meta))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { email: "is already in the team" },
    });
  });

  it("inviting again, resending and revoking: one open invitation per address, each new link kills the last, an expired one can be sent again", async () => {
    const s = await seedStore();
    const email = address();
    await inviteMember(s.ctx(), { email, role: "STAFF", onlyAssignedOrders: false }, meta);
    const first = await linkTo(email);
    const { invitationId } = await inviteMember(s.ctx(), { email, role: "ADMIN", onlyAssignedOrders: false }, meta);
    const second = await linkTo(email);
    expect(await invitationForLink(first.store, first.token)).toBeNull();
    expect(await invitationForLink(second.store, second.token)).toMatchObject({ role: "ADMIN" });
    expect(await listInvitations(s.ctx())).toEqual([expect.objectContaining({ id: invitationId, email, role: "ADMIN", expired: false })]);
    // A week later the link has expired; sent again, it works for another week.
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await invitationForLink(second.store, second.token, later)).toBeNull();
    expect(await listInvitations(s.ctx(), later)).toEqual([expect.objectContaining({ expired: true })]);
    await db.emailMessage.deleteMany({ where: { to: email } }); // the hourly limit is not what this test is about
    await resendInvitation(s.ctx(), { invitationId }, meta, later);
    const third = await linkTo(email);
    expect(await invitationForLink(third.store, third.token, later)).not.toBeNull();
    await revokeInvitation(s.ctx(), { invitationId }, meta);
    expect(await invitationForLink(third.store, third.token, later)).toBeNull();
    expect(await listInvitations(s.ctx())).toEqual([]);
    expect(await refusal(revokeInvitation(s.ctx(), { invitationId }, meta))).toMatchObject({ code: "NOT_FOUND", key: "invitationClosed" });
  });

  it("who may change whom: staff change nobody; the owner only by a transfer; nobody their own role; only staff limited to their orders", async () => {
    const s = await seedStore();
    const admin = await member(s, "ADMIN");
    const staff = await member(s, "STAFF");
    expect(await refusal(inviteMember(staff.ctx, { email: address(), role: "STAFF", onlyAssignedOrders: false }, meta))).toMatchObject({ key: "teamManagers" });
    expect(await refusal(removeMember(staff.ctx, { userId: admin.user.id }, meta))).toMatchObject({ key: "teamManagers" });
    expect(await refusal(changeMemberRole(admin.ctx, { userId: s.owner.id, role: "STAFF" }, meta))).toMatchObject({ key: "ownerByTransfer" });
    expect(await refusal(removeMember(admin.ctx, { userId: s.owner.id }, meta))).toMatchObject({ key: "ownerByTransfer" });
    expect(await refusal(changeMemberRole(admin.ctx, { userId: admin.user.id, role: "STAFF" }, meta))).toMatchObject({ key: "notOwnRole" });
    expect(await refusal(setOnlyAssignedOrders(s.ctx(), { userId: admin.user.id, on: true }, meta))).toMatchObject({ key: "onlyAssignedStaff" });
    expect(await refusal(removeMember(s.ctx(), { userId: s.owner.id }, meta))).toMatchObject({ key: "ownerCannotLeave" });
    // An admin manages staff: limited, then promoted (an admin sees every order).
    await setOnlyAssignedOrders(admin.ctx, { userId: staff.user.id, on: true }, meta);
    expect(await resolveMembership(staff.user.id, s.store.slug)).toMatchObject({ onlyAssigned: true });
    await changeMemberRole(admin.ctx, { userId: staff.user.id, role: "ADMIN" }, meta);
    expect(await resolveMembership(staff.user.id, s.store.slug)).toMatchObject({ role: "ADMIN", onlyAssigned: false });
    // An admin demoted a moment ago is refused by the lock's fresh look, whatever their request began with.
    await changeMemberRole(s.ctx(), { userId: admin.user.id, role: "STAFF" }, meta);
    expect(await refusal(removeMember(admin.ctx, { userId: staff.user.id }, meta))).toMatchObject({ key: "teamManagers" });
    expect((await listMembers(s.ctx())).map((m) => m.role)).toEqual(["OWNER", "ADMIN", "STAFF"]);
  });

  it("a removed member: out at once, their live stream told, their open orders back to nobody on the timeline; a member may leave", async () => {
    const s = await seedStore();
    const staff = await member(s, "STAFF", "Sara");
    const open = await seedOrder(s);
    await assignOrder(s.ctx(), open.id, staff.user.id);
    const heard: LiveMessage[] = [];
    const unsubscribe = await subscribe((m) => heard.push(m));
    expect(await removeMember(s.ctx(), { userId: staff.user.id }, meta)).toEqual({ unassignedOrders: 1 });
    expect(await resolveMembership(staff.user.id, s.store.slug)).toBeNull();
    const order = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: open.id } } });
    expect(order.assigneeId).toBeNull();
    const events = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: open.id, type: "order.assigned" }, orderBy: { createdAt: "asc" } });
    expect(events.at(-1)).toMatchObject({ actorName: s.owner.name, data: { assigneeId: null } });
    await expect.poll(() => heard.some((m) => m.type === "member.changed" && m.userIds.includes(staff.user.id))).toBe(true);
    unsubscribe();
    // Assigning to someone no longer in the team is refused.
    expect(await refusal(assignOrder(s.ctx(), open.id, staff.user.id))).toMatchObject({ code: "VALIDATION_FAILED" });
    const leaver = await member(s, "ADMIN");
    await removeMember(leaver.ctx, { userId: leaver.user.id }, meta);
    expect((await listAuditEntries(s.ctx())).entries.map((e) => e.action)).toEqual(["member.left", "member.removed"]);
  });

  it("ownership changes hands only with the owner's password; the store has one owner before and after", async () => {
    const s = await seedStore();
    const admin = await member(s, "ADMIN", "Noura");
    const ownerCtx = { ...s.ctx(), actor: { type: "USER" as const, id: s.owner.id, name: s.owner.name } };
    expect(await refusal(transferOwnership(ownerCtx, { userId: admin.user.id, password: "not-it" }, { ...meta, deviceCookie: null }))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { password: expect.any(String) },
    });
    expect(await refusal(transferOwnership(admin.ctx, { userId: admin.user.id, password: TEST_PASSWORD }, { ...meta, deviceCookie: null }))).toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await transferOwnership(ownerCtx, { userId: admin.user.id, password: TEST_PASSWORD }, { ...meta, deviceCookie: null });
    const roles = await db.membership.findMany({ where: { storeId: s.store.id }, select: { userId: true, role: true } });
    expect(roles).toEqual(
      expect.arrayContaining([
        { userId: admin.user.id, role: "OWNER" },
        { userId: s.owner.id, role: "ADMIN" },
      ]),
    );
    expect(await refusal(transferOwnership(ownerCtx, { userId: admin.user.id, password: TEST_PASSWORD }, { ...meta, deviceCookie: null }))).toMatchObject({
      code: "FORBIDDEN",
      key: "ownerTransfers",
    });
    // The database holds the rule too: a second owner cannot be written.
    await expect(db.membership.update({ where: { storeId_userId: { storeId: s.store.id, userId: s.owner.id } }, data: { role: "OWNER" } })).rejects.toThrow();
    expect((await listAuditEntries(s.ctx())).entries[0]).toMatchObject({ action: "ownership.transferred", subject: "Noura", data: { from: s.owner.name } });
  });
});
