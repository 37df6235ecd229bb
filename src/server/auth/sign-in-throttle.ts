// How sign-in guessing is slowed without handing anyone a way to lock an owner out (docs/security.md):
// - per account and address pair: the first few failures are free, then each further try waits twice as
//   long as the last (1 s, 2 s, 4 s … up to 5 minutes) — the guesser is slowed, not the account;
// - per account, from anywhere: past MAX_FAILURES_PER_ACCOUNT failures in the window, only a browser that
//   has signed in to this account before (its signed device cookie) may still try — so the owner on their
//   own browser gets in with the right password however many guesses others made;
// - per address, across accounts: past MAX_FAILURES_PER_ADDRESS failures in the window, that address may
//   try only from known browsers (credential stuffing from one address).
// A successful sign-in clears the account's failures. Kept in Postgres so every app server sees the same.
// Pure: the use case counts, these functions decide.
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const FREE_FAILURES_PER_PAIR = 3;
export const MAX_PAIR_DELAY_MS = 5 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

export type SignInCounters = {
  /** Failures for this account from this address in the window, and when the last one was. */
  pair: { failures: number; lastFailureAt: Date | null };
  /** Failures for this account from any address, and from this address for any account. */
  account: number;
  address: number;
  /** This browser signed in to this account before. */
  knownDevice: boolean;
};

export type SignInDecision = { allowed: true } | { allowed: false; reason: "slow_down" | "account_protected" | "address_blocked"; retryAfterSeconds: number };

/** The wait the pair must keep after its last failure: nothing for the first few, then doubling. */
export function pairDelayMs(failures: number): number {
  if (failures < FREE_FAILURES_PER_PAIR) return 0;
  return Math.min(MAX_PAIR_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES_PER_PAIR));
}

export function decideSignIn(c: SignInCounters, now: Date): SignInDecision {
  const wait = c.pair.lastFailureAt ? c.pair.lastFailureAt.getTime() + pairDelayMs(c.pair.failures) - now.getTime() : 0;
  if (wait > 0) return { allowed: false, reason: "slow_down", retryAfterSeconds: Math.ceil(wait / 1000) };
  if (!c.knownDevice && c.account >= MAX_FAILURES_PER_ACCOUNT)
    return { allowed: false, reason: "account_protected", retryAfterSeconds: SIGN_IN_WINDOW_MS / 1000 };
  if (!c.knownDevice && c.address >= MAX_FAILURES_PER_ADDRESS)
    return { allowed: false, reason: "address_blocked", retryAfterSeconds: SIGN_IN_WINDOW_MS / 1000 };
  return { allowed: true };
}
