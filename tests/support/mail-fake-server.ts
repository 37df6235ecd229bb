// The local SMTP server as its own process, for the browser tests: the app sends its email here
// (SMTP_URL), and the tests read what arrived over HTTP.
//   node --import tsx tests/support/mail-fake-server.ts <smtp port> <http port>
import { startMailFake } from "./mail-fake";

const fake = await startMailFake({ smtp: Number(process.argv[2] ?? 2525), http: Number(process.argv[3] ?? 3103) });
console.log(`mail fake: SMTP ${fake.smtpUrl}, inbox ${fake.base}/messages`);
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void fake.close().then(() => process.exit(0)));
