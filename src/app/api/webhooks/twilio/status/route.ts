import { AppError } from "@/server/errors/app-error";
import { publicRoute } from "@/server/http/public-route";
import { isValidTwilioSignature, recordSmsStatus } from "@/server/notifications/record-sms-status";
import { publicUrl } from "@/server/http/public-url";
import { settings } from "@/server/settings";
import { isUuid } from "@/server/ids";

/** Twilio's delivery reports. Only requests signed with our auth token are believed. */
export const POST = publicRoute({}, async ({ request }) => {
  const authToken = settings().TWILIO_AUTH_TOKEN;
  const params = Object.fromEntries(new URLSearchParams(await request.text()));
  // Twilio signs the address it was given, query included: the store named there is as trusted as the body.
  const query = new URL(request.url).search;
  const url = `${publicUrl()}/api/webhooks/twilio/status${query}`;
  if (!authToken || !isValidTwilioSignature(authToken, request.headers.get("x-twilio-signature"), url, params))
    throw new AppError("UNAUTHENTICATED", "Invalid Twilio signature.");
  const store = new URLSearchParams(query).get("s");
  if (!(await recordSmsStatus(params, store && isUuid(store) ? store : null))) throw new AppError("NOT_FOUND", "Unknown message.");
  return new Response(null, { status: 204 });
});
