import type { Tx } from "@/server/db/client";
import type { JobKind, JobPayloads } from "./job-kinds";

/**
 * Adds a job to the outbox inside the caller's transaction: it runs only if the transaction commits,
 * and it is not lost if the process dies right after.
 */
export async function enqueueJob<K extends JobKind>(
  tx: Tx,
  kind: K,
  payload: JobPayloads[K],
  options: { storeId?: string; runAt?: Date; maxAttempts?: number } = {},
) {
  await tx.job.create({
    data: {
      kind,
      payload: payload as object,
      storeId: options.storeId ?? null,
      runAt: options.runAt ?? new Date(),
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    },
  });
}
