import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue } from "@/server/errors/app-error";
import { publicUrl } from "@/server/http/public-url";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { hashPassword } from "@/server/auth/password";
import { rule } from "@/server/http/validation";
import { queueEmail } from "@/server/email/emails";
import { emailField, lockAddress, mayEmail, password, tooManyEmails } from "@/server/accounts/sign-up";
import { newSecret, secretHash } from "@/server/accounts/email-tokens";
import { isLocale, type Locale } from "@/i18n/locales";
import { audit, type AuditMeta } from "./audit";
import { actorRole, lockTeam, refused } from "./team";
import { INVITATION_TTL_DAYS, MAX_OPEN_INVITATIONS, teamChangeRefusal } from "./team-rules";

export const inviteInput = z.object({ email: emailField, role: z.enum(["ADMIN", "STAFF"]), onlyAssignedOrders: z.boolean().default(false) }).strict();
export const invitationIdInput = z.object({ invitationId: z.uuid() }).strict();
const linkFields = { store: z.uuid(), token: z.string().max(100) };
export const acceptInvitationInput = z.object(linkFields).strict();
export const joinWithNewAccountInput = z
  .object({
    ...linkFields,
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    password,
    confirmPassword: z.string().max(200, "must be at most 200 characters"),
  })
  .strict()
  .refine((v) => v.confirmPassword === v.password, { path: ["confirmPassword"], message: rule("passwordsDiffer") });

const TTL_MS = INVITATION_TTL_DAYS * 24 * 3_600_000;
const hashOf = secretHash;

/** A fresh secret for an invitation's link; only its hash is kept. */
function newLink(storeId: string, now: Date) {
  const token = newSecret();
  return { token, tokenHash: hashOf(token), expiresAt: new Date(now.getTime() + TTL_MS), link: `${publicUrl()}/join?store=${storeId}&token=${token}` };
}

/** The invitation email, in the invitee's own language when they have an account, else the store's. */
async function sendInvitation(tx: Tx, ctx: StoreContext, email: string, role: "ADMIN" | "STAFF", link: string, now: Date) {
  if (!(await mayEmail(tx, email, now))) throw tooManyEmails();
  const [store, user] = await Promise.all([
    tx.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { name: true, locale: true } }),
    tx.user.findUnique({ where: { email }, select: { locale: true } }),
  ]);
  const own = user?.locale;
  const locale: Locale = isLocale(own) ? own : isLocale(store.locale) ? store.locale : "ar";
  await queueEmail(tx, email, { kind: "invitation", inviter: ctx.actor.name, store: store.name, role, link, days: INVITATION_TTL_DAYS }, locale);
}

/**
 * Invites an address to the team with a role. An address already in the team is named; an address with an
 * open invitation gets a fresh link (the old one stops working) with the role chosen now.
 */
export async function inviteMember(
  ctx: StoreContext,
  input: z.output<typeof inviteInput>,
  meta: AuditMeta,
  now = new Date(),
): Promise<{ invitationId: string }> {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, ctx.storeId);
    const refusal = teamChangeRefusal({ id: ctx.actor.id ?? "", role: await actorRole(tx, ctx) }, null, { kind: "invite", role: input.role });
    if (refusal) throw refused(refusal);
    const member = await tx.membership.findFirst({ where: { storeId: ctx.storeId, user: { email: input.email } }, select: { userId: true } });
    if (member)
      throw new AppError("VALIDATION_FAILED", "This address is already in the team.", {
        say: { key: "alreadyMember" },
        fields: { email: issue("alreadyMember") },
      });
    const onlyAssignedOrders = input.role === "STAFF" && input.onlyAssignedOrders;
    const { token: _token, link, ...secret } = newLink(ctx.storeId, now);
    const open = await tx.storeInvitation.findFirst({
      where: { storeId: ctx.storeId, email: input.email, acceptedAt: null, revokedAt: null },
      select: { id: true },
    });
    if (
      !open &&
      (await tx.storeInvitation.count({ where: { storeId: ctx.storeId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } })) >= MAX_OPEN_INVITATIONS
    )
      throw new AppError("CONFLICT", `A store can have at most ${MAX_OPEN_INVITATIONS} open invitations.`, {
        say: { key: "tooManyInvitations", params: { n: MAX_OPEN_INVITATIONS } },
      });
    const invitation = open
      ? await tx.storeInvitation.update({
          where: { storeId_id: { storeId: ctx.storeId, id: open.id } },
          data: { ...secret, role: input.role, onlyAssignedOrders, sentAt: now, invitedById: ctx.actor.id },
          select: { id: true },
        })
      : await tx.storeInvitation.create({
          data: {
            storeId: ctx.storeId,
            email: input.email,
            role: input.role,
            onlyAssignedOrders,
            invitedById: ctx.actor.id,
            createdAt: now,
            sentAt: now,
            ...secret,
          },
          select: { id: true },
        });
    await sendInvitation(tx, ctx, input.email, input.role, link, now);
    await audit(tx, ctx, meta, "member.invited", input.email, { role: input.role });
    return { invitationId: invitation.id };
  });
}

async function openInvitation(tx: Tx, ctx: StoreContext, invitationId: string) {
  await lockTeam(tx, ctx.storeId);
  const refusal = teamChangeRefusal({ id: ctx.actor.id ?? "", role: await actorRole(tx, ctx) }, null, { kind: "invite", role: "STAFF" });
  if (refusal) throw refused(refusal);
  const invitation = await tx.storeInvitation.findFirst({
    where: { storeId: ctx.storeId, id: invitationId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true },
  });
  if (!invitation)
    throw new AppError("NOT_FOUND", "This invitation was already accepted or revoked.", {
      say: { key: "invitationClosed" },
      fields: { invitationId: issue("invitationClosed") },
    });
  return invitation as { id: string; email: string; role: "ADMIN" | "STAFF" };
}

/** Sends an open invitation again with a fresh link and a fresh week; the previous link stops working. */
export async function resendInvitation(ctx: StoreContext, input: z.output<typeof invitationIdInput>, meta: AuditMeta, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const invitation = await openInvitation(tx, ctx, input.invitationId);
    const { token: _token, link, ...secret } = newLink(ctx.storeId, now);
    await tx.storeInvitation.update({ where: { storeId_id: { storeId: ctx.storeId, id: invitation.id } }, data: { ...secret, sentAt: now } });
    await sendInvitation(tx, ctx, invitation.email, invitation.role, link, now);
    await audit(tx, ctx, meta, "invitation.resent", invitation.email, { role: invitation.role });
  });
}

/** Revokes an open invitation: its link stops working at once. */
export async function revokeInvitation(ctx: StoreContext, input: z.output<typeof invitationIdInput>, meta: AuditMeta, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const invitation = await openInvitation(tx, ctx, input.invitationId);
    await tx.storeInvitation.update({ where: { storeId_id: { storeId: ctx.storeId, id: invitation.id } }, data: { revokedAt: now } });
    await audit(tx, ctx, meta, "invitation.revoked", invitation.email, { role: invitation.role });
  });
}

export type InvitationDto = {
  id: string;
  email: string;
  role: "ADMIN" | "STAFF";
  onlyAssignedOrders: boolean;
  sentAt: string;
  expiresAt: string;
  expired: boolean;
  invitedBy: string | null;
};

/** The store's open invitations (an expired one stays listed, to be sent again or revoked). */
export async function listInvitations(ctx: StoreContext, now = new Date()): Promise<InvitationDto[]> {
  const rows = await db.storeInvitation.findMany({
    where: { storeId: ctx.storeId, acceptedAt: null, revokedAt: null },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    select: { id: true, email: true, role: true, onlyAssignedOrders: true, sentAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role as "ADMIN" | "STAFF",
    onlyAssignedOrders: r.onlyAssignedOrders,
    sentAt: r.sentAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    expired: r.expiresAt <= now,
    invitedBy: r.invitedBy?.name ?? null,
  }));
}

export type InvitationView = { storeName: string; inviter: string | null; role: "ADMIN" | "STAFF"; email: string; hasAccount: boolean };

/** What the link's page shows; null for a link that is unknown, used, revoked or expired (one answer for all). */
export async function invitationForLink(storeId: string, token: string, now = new Date()): Promise<InvitationView | null> {
  if (!z.uuid().safeParse(storeId).success || typeof token !== "string" || token.length < 20 || token.length > 100) return null;
  const invitation = await db.storeInvitation.findFirst({
    where: { storeId, tokenHash: hashOf(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { email: true, role: true, store: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation) return null;
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    storeName: invitation.store.name,
    inviter: invitation.invitedBy?.name ?? null,
    role: invitation.role as "ADMIN" | "STAFF",
    email: invitation.email,
    hasAccount: !!account,
  };
}

const linkGone = () =>
  new AppError("VALIDATION_FAILED", "This invitation has expired, was revoked or was already used.", {
    say: { key: "invitationGone" },
    fields: { token: issue("linkExpired") },
  });

/**
 * Uses the link for a user: under the team's lock, one conditional update takes the invitation if it is
 * open, unexpired and for this user's address — of two uses at once, one joins. A user already in the
 * team keeps the role they have. The address counts as confirmed: the link reached it.
 */
async function join(tx: Tx, storeId: string, token: string, user: { id: string; name: string; email: string }, meta: AuditMeta, now: Date) {
  await lockTeam(tx, storeId);
  const [invitation] = await tx.$queryRaw<{ role: "ADMIN" | "STAFF"; onlyAssignedOrders: boolean; email: string }[]>`
    UPDATE store_invitations SET "acceptedAt" = ${now}, "acceptedById" = ${user.id}::uuid
    WHERE "storeId" = ${storeId}::uuid AND "tokenHash" = ${hashOf(token)} AND email = ${user.email}
      AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING role::text AS role, "onlyAssignedOrders", email`;
  if (!invitation) {
    const sentTo = await tx.storeInvitation.findFirst({
      where: { storeId, tokenHash: hashOf(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { email: true },
    });
    if (sentTo)
      throw new AppError("FORBIDDEN", "This invitation was sent to another address.", {
        say: { key: "invitationForAnother", params: { invited: sentTo.email, you: user.email } },
      });
    throw linkGone();
  }
  const { count } = await tx.membership.createMany({
    data: [{ storeId, userId: user.id, role: invitation.role, onlyAssignedOrders: invitation.onlyAssignedOrders }],
    skipDuplicates: true,
  });
  await tx.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  const store = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { slug: true } });
  if (count)
    await audit(tx, { storeId, role: invitation.role, actor: { type: "USER", id: user.id, name: user.name } }, meta, "member.joined", user.email, {
      role: invitation.role,
    });
  return { slug: store.slug };
}

/** The signed-in user accepts the invitation sent to their address. */
export async function acceptInvitation(
  userId: string,
  input: z.output<typeof acceptInvitationInput>,
  meta: AuditMeta,
  now = new Date(),
): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } });
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    return join(tx, input.store, input.token, user, meta, now);
  });
}

/**
 * Someone invited who has no account yet: the account is made for the invited address (confirmed — the
 * link reached it) and joins the team, in one transaction. An address that already has an account is
 * told to sign in instead.
 */
export async function joinWithNewAccount(
  input: z.output<typeof joinWithNewAccountInput>,
  locale: Locale,
  meta: AuditMeta,
  now = new Date(),
): Promise<{ slug: string; user: { id: string; name: string; email: string } }> {
  const view = await invitationForLink(input.store, input.token, now);
  if (!view) throw linkGone();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      await lockAddress(tx, view.email);
      if (await tx.user.findUnique({ where: { email: view.email }, select: { id: true } }))
        throw new AppError("CONFLICT", "This address already has an account: sign in to join.", { say: { key: "signInToJoin" } });
      const user = await tx.user.create({
        data: { email: view.email, name: input.name, passwordHash, locale, emailVerifiedAt: now },
        select: { id: true, name: true, email: true },
      });
      const joined = await join(tx, input.store, input.token, user, meta, now);
      return { ...joined, user };
    });
  } catch (error) {
    if (isUniqueViolation(error, "email"))
      throw new AppError("CONFLICT", "This address already has an account: sign in to join.", { say: { key: "signInToJoin" } });
    throw error;
  }
}
