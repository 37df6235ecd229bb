import { AppError } from "@/server/errors/app-error";
import { publicRoute } from "@/server/http/public-route";
import { readLimited } from "@/server/http/read-limited";
import { isValidTwilioSignature } from "@/server/notifications/record-sms-status";
import { receiveInbound } from "@/server/notifications/inbound-messages";
import { publicUrl } from "@/server/http/public-url";
import { settings } from "@/server/settings";

/**
 * Messages customers send to the store's number (SMS, or WhatsApp as `whatsapp:+…`). Only requests signed
 * with our auth token are believed. Twilio is answered with an empty TwiML document: nothing is sent back
 * automatically, and a message from a number no store wrote to is dropped.
 */
export const POST = publicRoute({}, async ({ request }) => {
  const authToken = settings().TWILIO_AUTH_TOKEN;
  const params = Object.fromEntries(new URLSearchParams(new TextDecoder().decode(await readLimited(request, 1024 * 1024, "The message"))));
  const url = `${publicUrl()}/api/webhooks/twilio/inbound`;
  if (!authToken || !isValidTwilioSignature(authToken, request.headers.get("x-twilio-signature"), url, params))
    throw new AppError("UNAUTHENTICATED", "Invalid Twilio signature.");
  await receiveInbound(params);
  return new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', { headers: { "Content-Type": "text/xml" } });
});
