import { NextResponse, type NextRequest } from "next/server";
import { rateLimitedResponse, takePublicRequest } from "@/server/http/public-rate-limit";
import { PUBLIC_PAGE_HEADER } from "@/i18n/locales";
import { requestAddress } from "@/server/http/client-address";
import { CUSTOMER_TOKEN_SOURCE } from "@/lib/customer-token";

// In front of the pages and APIs anyone may call without signing in (the customer's order and review
// pages, the public reviews API and widget): a per-address rate limit, and the page's token handed to
// the i18n config so the page speaks the store's language, not the visitor's last choice.

const PUBLIC_PAGE_PATH = new RegExp(`^/(o|r)/(${CUSTOMER_TOKEN_SOURCE})(?:/|$)`);

export function proxy(request: NextRequest) {
  // The app's server worked the address out from the socket (or the trusted proxies): never X-Forwarded-For.
  const address = requestAddress(request.headers);
  const decision = takePublicRequest(address);
  if (!decision.allowed) return rateLimitedResponse(decision);
  const headers = new Headers(request.headers);
  headers.delete(PUBLIC_PAGE_HEADER);
  const match = PUBLIC_PAGE_PATH.exec(request.nextUrl.pathname);
  if (match) headers.set(PUBLIC_PAGE_HEADER, `${match[1]}:${match[2]}`);
  return NextResponse.next({ request: { headers } });
}

// Review submissions (/api/public/reviews/…) are left out: the proxy would read their photos into memory
// and cut bodies at 10 MB; the route takes its own rate limit and reads its body with its own limit.
// Sign-up and the email links send email or spend a slow password hash: counted per address as well.
export const config = {
  matcher: ["/o/:path*", "/r/:path*", "/api/public/((?!reviews/).*)", "/widget/:path*", "/signup", "/forgot-password", "/reset-password", "/verify-email"],
};
