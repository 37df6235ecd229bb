import { NextResponse, type NextRequest } from "next/server";
import { createRateLimiter } from "@/server/http/rate-limiter";
import { PUBLIC_PAGE_HEADER } from "@/i18n/locales";
import { requestAddress } from "@/server/http/client-address";

// In front of the pages and APIs anyone may call without signing in (the customer's order and review
// pages, the public reviews API and widget): a per-address rate limit, and the page's token handed to
// the i18n config so the page speaks the store's language, not the visitor's last choice.
const limit = createRateLimiter({ limit: Number(process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ?? 300), windowMs: 60_000 });

export function proxy(request: NextRequest) {
  // The app's server worked the address out from the socket (or the trusted proxies): never X-Forwarded-For.
  const address = requestAddress(request.headers);
  const decision = limit(address);
  if (!decision.allowed) {
    return new NextResponse(JSON.stringify({ error: { code: "RATE_LIMITED", message: "Too many requests. Try again shortly." } }), {
      status: 429,
      headers: { "content-type": "application/json", "retry-after": String(decision.retryAfterSeconds) },
    });
  }
  const headers = new Headers(request.headers);
  headers.delete(PUBLIC_PAGE_HEADER);
  const match = /^\/(o|r)\/([0-9a-f]{64})(?:\/|$)/.exec(request.nextUrl.pathname);
  if (match) headers.set(PUBLIC_PAGE_HEADER, `${match[1]}:${match[2]}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/o/:path*", "/r/:path*", "/api/public/:path*", "/widget/:path*"] };
