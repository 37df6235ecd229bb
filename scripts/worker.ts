// The background worker: sends SMS, delivers webhooks and runs every other queued side effect.
// Started by `npm start` beside the app; stops on SIGTERM after finishing the job in hand.
import { jobHandlers } from "../src/server/jobs/handlers";
import { startWorker } from "../src/server/jobs/worker";
import { smsProviderFromEnv } from "../src/server/notifications/sms-provider";
import { db } from "../src/server/db/client";

const log = (m: string) => console.log(`[worker] ${m}`);
const sms = smsProviderFromEnv();
if (!sms) log("no TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN: SMS are recorded as not sent (provider not configured)");
const worker = startWorker(jobHandlers({ sms }), { log });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await worker.stop();
    await db.$disconnect();
    process.exit(0);
  });
}
