// Next.js refuses a server action whose Origin is another host, but by throwing,
// which answers 500. proxy.ts answers 403 first, with the same rule: the host of
// Origin (or, when a client sends none, of Referer) must be the request's own
// host, as X-Forwarded-Host or Host name it.

type HeaderReader = { get(name: string): string | null };

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null; // "null" (sandboxed frames, file: pages) or garbage: not our origin
  }
}

export function isServerActionRequest(method: string, headers: HeaderReader): boolean {
  return method === "POST" && headers.get("next-action") !== null;
}

/** True when the request came from another site (or says nothing we can check as ours). */
export function isForeignOrigin(headers: HeaderReader): boolean {
  const source = headers.get("origin") ?? headers.get("referer");
  // No Origin and no Referer: not a browser's cross-site form, and Next lets it through too.
  if (source === null) return false;
  const host = (headers.get("x-forwarded-host")?.split(",")[0] ?? headers.get("host"))?.trim().toLowerCase();
  return !host || hostOf(source) !== host;
}
