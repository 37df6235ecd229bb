// The app's own route handlers behind a real HTTP server on a free port, for tests where parts of the app
// talk to each other over HTTP (the payment adapter to the payment simulator, the simulator's webhooks to
// the app), as they do in a running installation.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as createInvoiceRoute from "@/app/payments-sim/v1/invoices/route";
import * as invoiceRoute from "@/app/payments-sim/v1/invoices/[invoiceId]/route";
import * as payRoute from "@/app/payments-sim/i/[invoiceId]/pay/route";
import * as confirm3dsRoute from "@/app/payments-sim/3ds/[invoiceId]/confirm/route";
import * as paymentWebhookRoute from "@/app/api/webhooks/payments/moyasar/route";
import * as twilioStatusRoute from "@/app/api/webhooks/twilio/status/route";
import * as twilioInboundRoute from "@/app/api/webhooks/twilio/inbound/route";

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Route = [RegExp, string, Handler];

/** The payment simulator's API and pages, and the app's payment webhook. */
export const PAYMENT_ROUTES: Route[] = [
  [/^\/payments-sim\/v1\/invoices$/, "POST", createInvoiceRoute.POST as Handler],
  [/^\/payments-sim\/v1\/invoices\/(?<invoiceId>[^/]+)$/, "GET", invoiceRoute.GET as Handler],
  [/^\/payments-sim\/i\/(?<invoiceId>[^/]+)\/pay$/, "POST", payRoute.POST as Handler],
  [/^\/payments-sim\/3ds\/(?<invoiceId>[^/]+)\/confirm$/, "POST", confirm3dsRoute.POST as Handler],
  [/^\/api\/webhooks\/payments\/moyasar$/, "POST", paymentWebhookRoute.POST as Handler],
];

/** Twilio's webhooks: delivery reports and customers' replies. */
export const TWILIO_ROUTES: Route[] = [
  [/^\/api\/webhooks\/twilio\/status$/, "POST", twilioStatusRoute.POST as Handler],
  [/^\/api\/webhooks\/twilio\/inbound$/, "POST", twilioInboundRoute.POST as Handler],
];

export async function startRouteServer(
  routes: Route[],
  onResponse: (path: string, status: number) => void = () => {},
): Promise<{ base: string; close(): Promise<void> }> {
  let base = "";
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url!.split("?")[0];
    const route = routes.find(([re, method]) => re.test(path) && method === req.method);
    if (!route) return res.writeHead(404).end();
    const response = await route[2](
      new Request(`${base}${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      }),
      {
        params: Promise.resolve({ ...route[0].exec(path)!.groups }),
      },
    );
    onResponse(path, response.status);
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((r) => server.close(() => r())) };
}
