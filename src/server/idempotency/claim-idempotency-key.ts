import { createHash } from "node:crypto";
import type { Tx } from "@/server/db/client";
import { AppError, issue } from "@/server/errors/app-error";

/** A stable hash of a request body: keys sorted, so {a,b} and {b,a} are the same request. */
export function requestHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex");
}

export type IdempotencyClaim = { storeId: string; scope: string; key: string; requestHash: string };

/**
 * Claims a key inside the caller's transaction. Returns the stored response when the key was already
 * used with the same request; throws when it was used with a different one.
 *
 * Racing replays serialize on the primary key: a second INSERT waits for the first transaction, then
 * either conflicts (the first committed: read its response) or goes ahead (the first rolled back).
 */
export async function claimIdempotencyKey<T>(tx: Tx, claim: IdempotencyClaim): Promise<{ replay: T } | null> {
  const inserted = await tx.$executeRaw`
    INSERT INTO idempotency_keys ("storeId", scope, key, "requestHash", "responseStatus", "responseBody")
    VALUES (${claim.storeId}::uuid, ${claim.scope}, ${claim.key}, ${claim.requestHash}, 0, '{}'::jsonb)
    ON CONFLICT DO NOTHING`;
  if (inserted === 1) return null;
  const existing = await tx.idempotencyKey.findUniqueOrThrow({
    where: { storeId_scope_key: { storeId: claim.storeId, scope: claim.scope, key: claim.key } },
  });
  if (existing.requestHash !== claim.requestHash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used with a different request body.", {
      fields: { "Idempotency-Key": issue("keyReused") },
    });
  }
  return { replay: existing.responseBody as T };
}

export async function saveIdempotentResponse(tx: Tx, claim: IdempotencyClaim, status: number, body: unknown) {
  await tx.idempotencyKey.update({
    where: { storeId_scope_key: { storeId: claim.storeId, scope: claim.scope, key: claim.key } },
    data: { responseStatus: status, responseBody: body as object },
  });
}
