// Who may change whom in a store's team (pure). The owner is changed only by a transfer of ownership;
// owners and admins manage everyone else; nobody changes their own role (another admin or the owner does,
// so nobody locks themself out by a slip); anyone but the owner may leave.
import type { Role } from "@/server/auth/permissions";

export type TeamChange = { kind: "invite"; role: Role } | { kind: "role"; role: Role } | { kind: "onlyAssigned"; on: boolean } | { kind: "remove" };

export type TeamRefusal = "teamManagers" | "ownerByTransfer" | "ownerCannotLeave" | "notOwnRole" | "onlyAssignedStaff";

/** Why a change is refused (a catalog key under errors.detail), or null when it may be made. */
export function teamChangeRefusal(actor: { id: string; role: Role }, target: { id: string; role: Role } | null, change: TeamChange): TeamRefusal | null {
  const leaving = change.kind === "remove" && target?.id === actor.id;
  if (actor.role === "STAFF" && !leaving) return "teamManagers";
  if ((change.kind === "invite" || change.kind === "role") && change.role === "OWNER") return "ownerByTransfer";
  if (!target) return null;
  if (target.role === "OWNER") return change.kind === "remove" && leaving ? "ownerCannotLeave" : "ownerByTransfer";
  if (target.id === actor.id && change.kind !== "remove") return "notOwnRole";
  if (change.kind === "onlyAssigned" && change.on && target.role !== "STAFF") return "onlyAssignedStaff";
  return null;
}

export const INVITATION_TTL_DAYS = 7;
/** Open invitations a store may have at once: a team grows by a few people, not by a mailing list. */
export const MAX_OPEN_INVITATIONS = 50;
