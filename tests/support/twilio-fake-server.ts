// The local Twilio-compatible server as its own process, for the browser tests: the app sends its SMS
// here (TWILIO_API_BASE), and the tests read what a customer received through Twilio's list API.
//   node --import tsx tests/support/twilio-fake-server.ts <port>
import { startTwilioFake } from "./twilio-fake";

const fake = await startTwilioFake(Number(process.argv[2] ?? 3102));
console.log(`twilio fake listening on ${fake.base}`);
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void fake.close().then(() => process.exit(0)));
