import { apiRoute, json } from "@/server/http/api-route";
import { recordStatement, statementApiInput } from "@/server/cod/statements";

/**
 * A carrier's remittance statement, matched line by line: 201 when recorded, 200 with `duplicate: true` when
 * the same statement (carrier and number) is already recorded — sending it again changes nothing.
 */
export const POST = apiRoute("cod.manage", async ({ ctx, body }) => {
  const input = await body(statementApiInput);
  const result = await recordStatement(ctx, { ...input, source: "upload" });
  return json({ data: result }, result.duplicate ? 200 : 201);
});
