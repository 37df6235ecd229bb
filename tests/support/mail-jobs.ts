// A suite that sends the installation's email: a local SMTP server for the suite, and the job queue's
// handlers sending through it. `mail()` and `handlers()` are ready inside the suite's tests.
import { afterAll, beforeAll } from "vitest";
import { jobHandlers } from "@/server/jobs/handlers";
import { smtpMailer } from "@/server/email/mailer";
import { startMailFake } from "./mail-fake";

export function mailJobsForSuite() {
  let mail: Awaited<ReturnType<typeof startMailFake>>;
  let handlers: ReturnType<typeof jobHandlers>;
  beforeAll(async () => {
    mail = await startMailFake();
    handlers = jobHandlers({ sms: null, mailer: smtpMailer(mail.smtpUrl, { timeoutMs: 2_000 }) });
  });
  afterAll(() => mail.close());
  return { mail: () => mail, handlers: () => handlers };
}
