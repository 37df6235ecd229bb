import { deliverWebhook } from "@/server/notifications/deliver-webhook";
import { giveUpSms, sendSms } from "@/server/notifications/send-sms";
import type { SmsProvider } from "@/server/notifications/sms-provider";
import { sendReviewRequest } from "@/server/reviews/review-requests";
import type { JobHandlers } from "./worker";

export function jobHandlers(deps: { sms: SmsProvider | null }): JobHandlers {
  return {
    "sms.send": { run: (payload) => sendSms(payload, deps.sms), giveUp: giveUpSms },
    "webhook.deliver": { run: deliverWebhook },
    "review.request": {
      run: async (payload, { now }) => {
        await sendReviewRequest(payload, { now });
      },
    },
  };
}
