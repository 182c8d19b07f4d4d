import { NextResponse, type NextRequest } from "next/server";
import { databaseOutageResponse } from "@/lib/db/outage-response";
import { isForeignOrigin, isServerActionRequest } from "@/lib/same-origin-action";
import { baseSecurityHeaders, contentSecurityPolicy, newNonce } from "@/lib/security-headers";

const SESSION_COOKIE = "marginalia_session";
// Pages anyone may open; the REST API authenticates each request itself.
const publicPaths = ["/login", "/setup"];

// Runs for pages and the server actions posted to them (not the API: see config).
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const response =
    refuseForeignAction(request) ??
    (await databaseOutageResponse(request)) ??
    redirectSignedOut(request) ??
    notFoundIfUndecodable(request) ??
    forward(request, csp);
  return withSecurityHeaders(response, csp);
}

// Another site's page posting to one of our actions (CSRF): a clear 403, where
// Next's own origin check would throw and answer 500.
function refuseForeignAction(request: NextRequest): Response | null {
  if (!isServerActionRequest(request.method, request.headers) || !isForeignOrigin(request.headers)) return null;
  return new NextResponse("Forbidden: this action may only be called from this site's own pages.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

// An optimistic check only (a cookie is present): every page and action still
// verifies the session against the database itself.
function redirectSignedOut(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  const signedOut = !request.cookies.has(SESSION_COOKIE) && process.env.AUTH_DISABLED !== "1";
  if (!signedOut || publicPaths.includes(pathname)) return null;
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login);
}

// A broken escape in a hand-typed address (`/projects/x/traces/%E0`): Next
// fails decoding the route's params and answers 500; it names nothing, so 404.
function notFoundIfUndecodable(request: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return null;
  } catch {
    return NextResponse.rewrite(new URL("/_not-found", request.url));
  }
}

// Next reads the nonce from the request's CSP header and puts it on its own scripts.
function forward(request: NextRequest, csp: string): NextResponse {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname + search);
  headers.set("content-security-policy", csp);
  return NextResponse.next({ request: { headers } });
}

function withSecurityHeaders(response: Response, csp: string): Response {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not the API, the probes, Next's assets, or files (next.config.mjs gives those their headers).
  matcher: ["/((?!v1/|api/|arize_phoenix_version|healthz$|readyz$|_next/|favicon|.*\\.[a-z0-9]+$).*)"],
};
