import { settings } from "@/server/settings";

/** How long a request waits for a carrier before answering "pending" (CARRIER_TIMEOUT_MS). */
export const CARRIER_ANSWER_WITHIN_MS = settings().CARRIER_TIMEOUT_MS;

export const LATE = Symbol("late");

/**
 * The promise's outcome if it settles within `ms`, else LATE. Nobody waits on a carrier for ever; the
 * promise goes on, and whatever it does when it settles (record the label, refund it) still happens.
 */
export async function answerWithin<T>(promise: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), ms)));
  try {
    const outcome = await Promise.race([promise, late]);
    if (outcome === LATE) promise.catch(() => undefined);
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}
