import { isValidTwilioSignature, recordSmsStatus } from "@/server/notifications/record-sms-status";
import { publicUrl } from "@/server/http/public-url";

/** Twilio's delivery reports. Only requests signed with our auth token are believed. */
export async function POST(request: Request) {
  const authToken = process.env.TWILIO_AUTH_TOKEN;
  const params = Object.fromEntries(new URLSearchParams(await request.text()));
  const url = `${publicUrl()}/api/webhooks/twilio/status`;
  if (!authToken || !isValidTwilioSignature(authToken, request.headers.get("x-twilio-signature"), url, params)) {
    return Response.json({ error: { code: "UNAUTHENTICATED", message: "Invalid Twilio signature." } }, { status: 401 });
  }
  const known = await recordSmsStatus(params);
  return known ? new Response(null, { status: 204 }) : Response.json({ error: { code: "NOT_FOUND", message: "Unknown message." } }, { status: 404 });
}
