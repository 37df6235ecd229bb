import { deliverWebhook } from "@/server/notifications/deliver-webhook";
import { fallbackDue, giveUpSms, recordSmsPrice, sendSms } from "@/server/notifications/send-sms";
import type { SmsProvider } from "@/server/notifications/sms-provider";
import { sendReviewRequest } from "@/server/reviews/review-requests";
import type { JobHandlers } from "./worker";
import type { Mailer } from "@/server/email/mailer";
import { giveUpEmail, sendEmail } from "@/server/email/send-email";
import { failExport, runOrdersExport } from "@/server/orders/export-jobs";
import { confirmationDue } from "@/server/orders/cod-confirmation";
import { giveUpReport, reportDocument } from "@/server/tax/report-documents";

export function jobHandlers(deps: { sms: SmsProvider | null; mailer?: Mailer | null }): JobHandlers {
  return {
    "sms.send": { run: (payload) => sendSms(payload, deps.sms), giveUp: giveUpSms },
    "webhook.deliver": { run: deliverWebhook },
    "email.send": { run: (payload) => sendEmail(payload, deps.mailer ?? null), giveUp: giveUpEmail },
    "orders.export": { run: runOrdersExport, giveUp: failExport },
    "order.confirmation_due": { run: confirmationDue },
    "message.fallback": { run: fallbackDue },
    "sms.price": { run: (payload) => recordSmsPrice(payload, deps.sms) },
    "tax.report": { run: reportDocument, giveUp: giveUpReport },
    "review.request": {
      run: async (payload, { now }) => {
        await sendReviewRequest(payload, { now });
      },
    },
  };
}
