import { z } from "zod";
import { isAppError } from "@/server/errors/app-error";
import { publicPageLocale } from "@/i18n/public-page";
import { publicRoute } from "@/server/http/public-route";
import { parseInput } from "@/server/http/validation";
import { readLimited } from "@/server/http/read-limited";
import { answerByToken } from "@/server/orders/cod-confirmation";

const answerInput = z.strictObject({ answer: z.enum(["confirm", "cancel"]) });

/**
 * The customer confirms or declines a cash-on-delivery order from their order page. The page's buttons are a
 * plain form (they work before any script), answered by going back to the page, which shows the outcome; a
 * JSON request is answered in JSON. The token in the URL is the only key.
 */
export const POST = publicRoute<{ token: string }>({ locale: ({ token }) => publicPageLocale(`o:${token}`) }, async ({ request, params }) => {
  const raw = new TextDecoder().decode(await readLimited(request, 1024 * 1024, "The answer"));
  const form = (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
  let body: unknown;
  try {
    body = form ? Object.fromEntries(new URLSearchParams(raw)) : JSON.parse(raw || "{}");
  } catch {
    body = null;
  }
  const { answer } = parseInput(answerInput, body);
  if (!form) return Response.json({ data: await answerByToken(params.token, answer) }, { headers: { "Cache-Control": "no-store" } });
  const page = `/o/${params.token}`;
  try {
    await answerByToken(params.token, answer);
    return redirectTo(`${page}?answered=${answer}`);
  } catch (error) {
    // The page says what went wrong in the customer's language; an unknown token stays a plain 404.
    if (isAppError(error) && error.code === "CONFLICT") return redirectTo(`${page}?problem=${error.say?.key ?? "conflict"}`);
    throw error;
  }
});

const redirectTo = (path: string) => new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
