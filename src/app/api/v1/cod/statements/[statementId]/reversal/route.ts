import { apiRoute, json } from "@/server/http/api-route";
import { noteInput, reverseStatement } from "@/server/cod/statements";

/** Takes a statement back by entries that cancel each of its lines (once; a second time is 409). */
export const POST = apiRoute("cod.manage", async ({ ctx, params, body }) => {
  const { note } = await body(noteInput);
  return json({ data: await reverseStatement(ctx, params.statementId, note) }, 201);
});
