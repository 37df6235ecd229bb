"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { CARRIER_IDS } from "@/server/shipping/carriers";
import { fetchCarrierStatements, MAX_NOTE, reverseStatement, settleCollection, settleLine } from "@/server/cod/statements";

const note = z.string().trim().min(1).max(MAX_NOTE);

export const settleCollectionAction = storeAction(
  { input: z.object({ id: z.uuid(), note }), permission: "cod.manage", revalidate: "store" },
  async ({ id, note }, ctx) => settleCollection(ctx, id, note),
);

export const settleLineAction = storeAction(
  { input: z.object({ id: z.uuid(), note }), permission: "cod.manage", revalidate: "store" },
  async ({ id, note }, ctx) => settleLine(ctx, id, note),
);

export const reverseStatementAction = storeAction(
  { input: z.object({ id: z.uuid(), note }), permission: "cod.manage", revalidate: "store" },
  async ({ id, note }, ctx) => reverseStatement(ctx, id, note),
);

export const fetchStatementsAction = storeAction(
  { input: z.object({ carrier: z.enum(CARRIER_IDS) }), permission: "cod.manage", revalidate: "store" },
  async ({ carrier }, ctx) => {
    const { recorded, already } = await fetchCarrierStatements(ctx, carrier);
    return {
      recorded: recorded.length,
      already: already.length,
      mismatches: recorded.reduce((n, r) => n + r.mismatchCount, 0),
      latest: recorded.at(-1)?.id ?? null,
    };
  },
);
