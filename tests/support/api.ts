// Calls the real /api/v1 route handlers in-process, as Next would.
import * as ordersRoute from "@/app/api/v1/orders/route";
import * as orderRoute from "@/app/api/v1/orders/[orderId]/route";
import * as transitionsRoute from "@/app/api/v1/orders/[orderId]/transitions/route";
import * as eventsRoute from "@/app/api/v1/orders/[orderId]/events/route";

type Options = { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> };

function request(method: string, path: string, options: Options) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
}

async function call(
  handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  req: Request,
  params: Record<string, string> = {},
) {
  const response = await handler(req, { params: Promise.resolve(params) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export const api = {
  listOrders: (token: string | null, query = "") => call(ordersRoute.GET, request("GET", `/api/v1/orders${query}`, { token })),
  placeOrder: (token: string | null, body: unknown, idempotencyKey: string | null = crypto.randomUUID(), extra: Partial<Options> = {}) =>
    call(ordersRoute.POST, request("POST", "/api/v1/orders", { token, body, ...extra, headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : {} })),
  getOrder: (token: string | null, orderId: string) => call(orderRoute.GET, request("GET", `/api/v1/orders/${orderId}`, { token }), { orderId }),
  transition: (token: string | null, orderId: string, body: unknown, idempotencyKey?: string) =>
    call(
      transitionsRoute.POST,
      request("POST", `/api/v1/orders/${orderId}/transitions`, { token, body, headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : {} }),
      { orderId },
    ),
  events: (token: string | null, orderId: string) => call(eventsRoute.GET, request("GET", `/api/v1/orders/${orderId}/events`, { token }), { orderId }),
};
