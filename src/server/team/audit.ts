import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/server/db/client";
import type { Prisma } from "@/generated/prisma/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue } from "@/server/errors/app-error";
import { decodeCursor, encodeCursor } from "@/lib/cursor";

const role = z.enum(["OWNER", "ADMIN", "STAFF"]);

/** Every kind of entry in a store's audit log, with the shape of what it records (read back through its schema). */
export const AUDIT_ACTIONS = {
  "member.invited": z.object({ role }),
  "invitation.resent": z.object({ role }),
  "invitation.revoked": z.object({ role }),
  "member.joined": z.object({ role, invitedAs: z.string().optional() }),
  "member.roleChanged": z.object({ from: role, to: role }),
  "member.onlyAssignedChanged": z.object({ on: z.boolean() }),
  "member.removed": z.object({ role, unassignedOrders: z.number().int() }),
  "member.left": z.object({ role, unassignedOrders: z.number().int() }),
  "ownership.transferred": z.object({ from: z.string() }),
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Who did it and from where: the signed-in member and the client's address as the app's server saw it. */
export type AuditMeta = { address: string | null };

/** Writes one entry in the caller's transaction: a change and its record commit together or not at all. */
export async function audit<A extends AuditAction>(
  tx: Tx,
  ctx: StoreContext,
  meta: AuditMeta,
  action: A,
  subject: string,
  data: z.input<(typeof AUDIT_ACTIONS)[A]>,
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      storeId: ctx.storeId,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action,
      subject,
      data: data as Prisma.InputJsonObject,
      address: meta.address,
    },
  });
}

export type AuditEntryDto =
  | {
      [A in AuditAction]: {
        id: string;
        at: string;
        actorName: string;
        action: A;
        subject: string;
        data: z.output<(typeof AUDIT_ACTIONS)[A]>;
        address: string | null;
      };
    }[AuditAction]
  | { id: string; at: string; actorName: string; action: "unknown"; subject: string; data: Record<string, never>; address: string | null };

const PAGE = 50;

/** The store's audit log, newest first, a page at a time (owners only: the action's permission says so). */
export async function listAuditEntries(ctx: StoreContext, cursor?: string): Promise<{ entries: AuditEntryDto[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) throw new AppError("VALIDATION_FAILED", "cursor is not valid", { fields: { cursor: issue("badCursor") } });
  const rows = await db.auditEntry.findMany({
    where: {
      storeId: ctx.storeId,
      ...(after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const entries = page.map((r): AuditEntryDto => {
    const base = { id: r.id, at: r.at.toISOString(), actorName: r.actorName, subject: r.subject, address: r.address };
    const schema = AUDIT_ACTIONS[r.action as AuditAction];
    const parsed = schema?.safeParse(r.data);
    return parsed?.success ? ({ ...base, action: r.action, data: parsed.data } as AuditEntryDto) : { ...base, action: "unknown", data: {} };
  });
  const last = page.at(-1);
  return { entries, nextCursor: rows.length > PAGE && last ? encodeCursor({ at: last.at, id: last.id }) : null };
}
