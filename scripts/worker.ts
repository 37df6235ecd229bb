// The background worker: sends SMS and email, delivers webhooks and runs every other queued side effect.
// Started by `npm start` beside the app; stops on SIGTERM after finishing the job in hand.
import { jobHandlers } from "../src/server/jobs/handlers";
import { settings } from "../src/server/settings";
import { startWorker } from "../src/server/jobs/worker";
import { smsProviderFromEnv } from "../src/server/notifications/sms-provider";
import { db } from "../src/server/db/client";
import { carrierAdapters } from "../src/server/shipping/carrier-simulator";
import { reconcileLabels } from "../src/server/shipping/issue-label";
import { purgeWebhookReceipts } from "../src/server/http/signed-webhook";
import { purgeCatalogImports } from "../src/server/catalog/catalog-import";
import { purgeFileExports } from "../src/server/orders/export-jobs";
import { notifyLateOrders, sendLateDigests } from "../src/server/orders/late-sweep";
import { paymentProvider } from "../src/server/wallet/payment-provider";
import { reconcileTopUps } from "../src/server/wallet/top-ups";
import { mailerFromSettings } from "../src/server/email/send-email";

const log = (m: string) => console.log(`[worker] ${m}`);
const sms = smsProviderFromEnv();
if (!sms) log("no TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN: SMS are recorded as not sent (provider not configured)");
const mailer = mailerFromSettings();
if (!mailer) log("no SMTP_URL: emails are recorded as not sent");
const worker = startWorker(jobHandlers({ sms, mailer }), { log });

// Labels still waiting for their carrier's answer, to be issued or voided (the process died between the
// decision and the answer, or the carrier did not answer in time): settle them now and every minute from the carrier's own record.
const adapters = carrierAdapters();
const reconcile = async () => {
  try {
    const { completed, refunded, voided, waiting } = await reconcileLabels({ adapters }, { olderThanMs: settings().LABEL_RECONCILE_AFTER_MS });
    if (completed || refunded || voided || waiting)
      log(`reconciled labels: ${completed} completed, ${refunded} refunded, ${voided} voided and refunded, ${waiting} waiting for their carrier`);
  } catch (error) {
    log(`label reconciliation failed: ${(error as Error).message}`);
  }
  // Top-ups whose confirmation never came (a closed tab, a lost webhook): the provider is asked again.
  try {
    const { paid } = await reconcileTopUps(await paymentProvider(), { olderThanMs: settings().TOP_UP_RECONCILE_AFTER_MS });
    if (paid) log(`reconciled top-ups: ${paid} paid`);
  } catch (error) {
    log(`top-up reconciliation failed: ${(error as Error).message}`);
  }
  // Receipts of signed webhooks older than their signatures' window are no longer needed to stop replays.
  await purgeWebhookReceipts().catch((error: Error) => log(`purging webhook receipts failed: ${error.message}`));
  // Previews of product files that nobody applied within their day.
  await purgeCatalogImports().catch((error: Error) => log(`purging catalog previews failed: ${error.message}`));
  // Exports prepared in the background, a day after they were ready.
  await purgeFileExports().catch((error: Error) => log(`purging prepared exports failed: ${error.message}`));
};
void reconcile();
const reconciler = setInterval(reconcile, settings().LABEL_RECONCILE_EVERY_MS);
// Late orders, on their own clock (a minute), apart from the labels' settling: their people told once per
// milestone, and each store's morning digest.
const lateSweep = async () => {
  // Orders that became late by their store's rules: their people are told, once per milestone.
  await notifyLateOrders()
    .then((n) => n && log(`told of ${n} late orders`))
    .catch((error: Error) => log(`telling of late orders failed: ${error.message}`));
  // Each store's morning digest of late orders to its owners, once a day on its clock.
  await sendLateDigests()
    .then((n) => n && log(`sent ${n} late-order digests`))
    .catch((error: Error) => log(`late-order digests failed: ${error.message}`));
};
const lateSweeper = setInterval(lateSweep, 60_000);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    clearInterval(reconciler);
    clearInterval(lateSweeper);
    await worker.stop();
    await db.$disconnect();
    process.exit(0);
  });
}
