// A transaction the database aborts to break a lock cycle (a deadlock, or a serialization failure) is run again
// from the start, so neither side of the cycle reaches its caller as an error; any other error is not.
import { describe, expect, it } from "vitest";
import { db, isWriteConflict, TRANSACTION_TRIES } from "@/server/db/client";

/** Resolves when `n` parties have arrived. */
function barrier(n: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived === n) open();
    return opened;
  };
}

describe("transactions aborted by a write conflict", () => {
  it("two transactions that lock in opposite orders both commit: the one PostgreSQL aborts runs again", async () => {
    const [a, b] = [Math.floor(Math.random() * 1e9), Math.floor(Math.random() * 1e9) + 1e9];
    const bothHoldOne = barrier(2);
    const runs = { first: 0, second: 0 };
    const lockBoth = (name: keyof typeof runs, one: number, other: number) =>
      db.$transaction(async (tx) => {
        runs[name]++;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${one}::bigint)`;
        // The first run waits until both hold their first lock: the cycle is certain, not left to timing.
        if (runs[name] === 1) await bothHoldOne();
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${other}::bigint)`;
        return name;
      });
    const results = await Promise.all([lockBoth("first", a, b), lockBoth("second", b, a)]);
    expect(results).toEqual(["first", "second"]);
    // One of the two was chosen by the deadlock detector and ran twice; the other ran once.
    expect(runs.first + runs.second).toBe(3);
  });

  it("gives up after a few tries, with the database's error", async () => {
    let runs = 0;
    const conflict = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    await expect(
      db.$transaction(async () => {
        runs++;
        throw conflict;
      }),
    ).rejects.toBe(conflict);
    expect(runs).toBe(TRANSACTION_TRIES);
  });

  it("runs any other failure once", async () => {
    let runs = 0;
    await expect(
      db.$transaction(async (tx) => {
        runs++;
        await tx.$executeRaw`SELECT 1 / 0`;
      }),
    ).rejects.toThrow();
    expect(runs).toBe(1);
  });

  it("knows a conflict by Prisma's code, the driver's kind or PostgreSQL's code", () => {
    expect(isWriteConflict({ code: "P2034" })).toBe(true);
    expect(isWriteConflict({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "TransactionWriteConflict" } } } })).toBe(true);
    expect(isWriteConflict(Object.assign(new Error("x"), { cause: { code: "40001" } }))).toBe(true);
    expect(isWriteConflict({ code: "P2002" })).toBe(false);
    expect(isWriteConflict(new Error("deadlock detected"))).toBe(false);
    expect(isWriteConflict(undefined)).toBe(false);
  });
});
