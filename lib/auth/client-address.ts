import { isIPv6 } from "node:net";

// Who is asking, for rate limits. scripts/serve.ts writes the socket's peer
// address into this header on every request, replacing anything the client
// sent; `next start` alone would pass a client's own X-Forwarded-For through.
// No imports from the app: scripts/serve.ts loads this file outside the bundle.
export const CLIENT_ADDRESS_HEADER = "x-marginalia-client-address";

/** What requests that reached no socket (route handlers called directly in tests) count as. */
export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = { get(name: string): string | null };

/**
 * The client's address: the socket peer, or behind a reverse proxy you run
 * (TRUST_PROXY=<number of proxies>, usually 1) the X-Forwarded-For entry that
 * proxy added. Proxies append the peer they saw, so the entries to the left of
 * it are whatever the client chose to send and never count.
 */
export function clientAddress(headers: HeaderSource, env: NodeJS.ProcessEnv = process.env): string {
  const hops = trustedProxies(env);
  if (hops > 0) {
    const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
    const entry = forwarded[Math.max(0, forwarded.length - hops)];
    if (entry) return normalizeAddress(entry);
  }
  const peer = headers.get(CLIENT_ADDRESS_HEADER)?.trim();
  if (peer) return normalizeAddress(peer);
  warnOnce(env);
  return UNKNOWN_ADDRESS;
}

// Served without scripts/serve.ts (plain `next start`), every client shares
// one address, and so one set of per-address limits.
let warned = false;
function warnOnce(env: NodeJS.ProcessEnv) {
  if (warned || env.NODE_ENV !== "production") return;
  warned = true;
  console.warn("Client addresses are unknown: serve Marginalia with `npm start` (scripts/serve.ts), or set TRUST_PROXY behind a proxy, so rate limits tell clients apart.");
}

function trustedProxies(env: NodeJS.ProcessEnv): number {
  const value = env.TRUST_PROXY?.trim().toLowerCase();
  if (!value || value === "0" || value === "false") return 0;
  if (value === "true") return 1;
  const hops = Number(value);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/**
 * IPv4 as is (also when mapped into IPv6); IPv6 by its /64 network, since one
 * host usually holds a whole /64 and could rotate through it to dodge a limit.
 */
export function normalizeAddress(address: string): string {
  const plain = address.replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1];
  if (!isIPv6(plain)) return plain.slice(0, 100);
  const [head, tail = ""] = plain.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = plain.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
