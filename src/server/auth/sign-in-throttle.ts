// Slows password guessing: too many failures for one account, or from one address, within a window
// lock that account or address out for the rest of the window. Kept in Postgres so every app server
// sees the same count.
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type RecentFailures = { account: number; address: number };

export function isLockedOut(failures: RecentFailures): boolean {
  return failures.account >= MAX_FAILURES_PER_ACCOUNT || failures.address >= MAX_FAILURES_PER_ADDRESS;
}
