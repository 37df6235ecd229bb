// A local SMTP server for the tests: the app's email arrives here over real SMTP (nodemailer → smtp-server),
// is parsed like a mail client would (mailparser), and the tests read it back over HTTP:
//   GET /messages?to=<address>  →  [{ to, from, subject, text, html, messageId, receivedAt }]
// It can refuse mail for a while (POST /refuse?code=421|550&times=n) to play an SMTP server in trouble.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; html: string; messageId: string; receivedAt: string };

export async function startMailFake(ports: { smtp?: number; http?: number } = {}) {
  const inbox: ReceivedMail[] = [];
  let refuse: { code: number; times: number } | null = null;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      if (refuse && refuse.times > 0) {
        refuse.times -= 1;
        stream.resume();
        const error = Object.assign(new Error(refuse.code >= 500 ? "mailbox unavailable" : "try again later"), { responseCode: refuse.code });
        return void stream.on("end", () => callback(error));
      }
      simpleParser(stream)
        .then((mail) => {
          inbox.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(ports.smtp ?? 0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const http: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET" && url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify(inbox.filter((m) => !to || m.to.includes(to))));
    }
    if (req.method === "POST" && url.pathname === "/refuse") {
      refuse = { code: Number(url.searchParams.get("code") ?? 421), times: Number(url.searchParams.get("times") ?? 1) };
      return res.writeHead(204).end();
    }
    res.writeHead(url.pathname === "/" ? 200 : 404).end();
  });
  await new Promise<void>((resolve) => http.listen(ports.http ?? 0, "127.0.0.1", resolve));
  const httpPort = (http.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    base: `http://127.0.0.1:${httpPort}`,
    inbox,
    refuseNext(code: number, times = 1) {
      refuse = { code, times };
    },
    close: () => Promise.all([new Promise<void>((r) => smtp.close(() => r())), new Promise<void>((r) => http.close(() => r()))]).then(() => undefined),
  };
}
