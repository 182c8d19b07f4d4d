import { NextResponse, type NextRequest } from "next/server";
import { databaseOutageResponse } from "@/lib/db/outage-response";

const SESSION_COOKIE = "marginalia_session";
// Pages anyone may open; the REST API authenticates each request itself.
const publicPaths = ["/login", "/setup"];

// An optimistic check only (a cookie is present): every page and action still
// verifies the session against the database itself.
export async function proxy(request: NextRequest) {
  const outage = await databaseOutageResponse(request);
  if (outage) return outage;
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname + search);
  const signedOut = !request.cookies.has(SESSION_COOKIE) && process.env.AUTH_DISABLED !== "1";
  if (signedOut && !publicPaths.includes(pathname)) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", pathname + search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Not the API, Next's assets, or files.
  matcher: ["/((?!v1/|api/|arize_phoenix_version|_next/|favicon|.*\\.[a-z0-9]+$).*)"],
};
