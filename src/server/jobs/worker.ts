import { randomUUID } from "node:crypto";
import { settings } from "@/server/settings";
import { db } from "@/server/db/client";
import { Prisma } from "@/generated/prisma/client";
import type { JobKind, JobPayloads } from "./job-kinds";

export type JobHandlers = {
  // `now` is the worker's clock for this run (tests move it; the worker passes the real time).
  [K in JobKind]: { run(payload: JobPayloads[K], context: { now: Date }): Promise<void>; giveUp?(payload: JobPayloads[K], reason: string): Promise<void> };
};

type ClaimedJob = { id: bigint; kind: JobKind; payload: unknown; attempts: number; maxAttempts: number };

// A claimed job is someone else's for this long; if its worker dies, another takes it over after it
// (JOB_LOCK_SECONDS). Every job is safe to run again, so a too-short lock costs work, never correctness.
const LOCK_SECONDS = settings().JOB_LOCK_SECONDS;

/** 2 s, 4 s, 8 s … capped at 10 minutes, with jitter so retries do not arrive together. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(600_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Claims up to `limit` due jobs (SKIP LOCKED: several workers never take the same job), runs them and
 * records the outcome. A job whose worker dies is taken again once its lock expires.
 */
export async function runDueJobs(handlers: JobHandlers, options: { limit?: number; now?: Date; storeId?: string } = {}): Promise<number> {
  const now = options.now ?? new Date();
  // One store's jobs only: for tests that move the clock, so other stores' jobs are left alone.
  const onlyStore = options.storeId ? Prisma.sql`AND "storeId" = ${options.storeId}::uuid` : Prisma.empty;
  const jobs = await db.$queryRaw<ClaimedJob[]>`
    UPDATE jobs SET attempts = attempts + 1, "lockedUntil" = ${now}::timestamp + make_interval(secs => ${LOCK_SECONDS})
    WHERE id IN (
      SELECT id FROM jobs
      WHERE "doneAt" IS NULL AND "failedAt" IS NULL AND "runAt" <= ${now}::timestamp AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}::timestamp) ${onlyStore}
      ORDER BY "runAt" LIMIT ${options.limit ?? 10}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts, "maxAttempts"`;
  for (const job of jobs) {
    const handler = handlers[job.kind] as JobHandlers[JobKind] | undefined;
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler.run(job.payload as never, { now });
      await db.job.update({ where: { id: job.id }, data: { doneAt: new Date(), lockedUntil: null, lastError: null } });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (job.attempts >= job.maxAttempts) {
        await db.job.update({ where: { id: job.id }, data: { failedAt: new Date(), lockedUntil: null, lastError: reason.slice(0, 1000) } });
        await handler?.giveUp?.(job.payload as never, reason).catch(() => {});
      } else {
        await db.job.update({
          where: { id: job.id },
          data: { runAt: new Date(now.getTime() + backoffMs(job.attempts)), lockedUntil: null, lastError: reason.slice(0, 1000) },
        });
      }
    }
  }
  return jobs.length;
}

/** Polls for due jobs until stopped; drains a full batch at once before sleeping again. */
export function startWorker(handlers: JobHandlers, options: { pollMs?: number; log?: (m: string) => void } = {}) {
  const id = randomUUID().slice(0, 8);
  let running = true;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    options.log?.(`worker ${id} started`);
    while (running) {
      let ran = 0;
      try {
        ran = await runDueJobs(handlers);
      } catch (error) {
        options.log?.(`worker ${id}: ${(error as Error).message}`);
      }
      if (ran === 0 && running) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, options.pollMs ?? 500)));
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
