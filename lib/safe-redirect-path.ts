// Where to send the browser after sign-in: only a path on this site. Browsers
// read `//host`, `/\host` and `\\host` as other hosts, drop tabs and newlines
// before parsing (so `/\t/host` is `//host`), and some servers decode `%2F` and
// `%5C` before routing: anything that could leave the site falls back to "/".
const origin = "http://marginalia.invalid";

export function safeRedirectPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next === "" || next.length > 2048) return fallback;
  if (!next.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(next)) return fallback;
  if (next.startsWith("//") || /^\/+(%2f|%5c)/i.test(next)) return fallback;
  let decoded = next;
  for (let round = 0; round < 3 && /%[0-9a-f]{2}/i.test(decoded); round++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return fallback; // malformed escapes: not a link we made
    }
    if (decoded.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(decoded)) return fallback;
  }
  const url = new URL(next, origin);
  if (url.origin !== origin) return fallback;
  return url.pathname + url.search + url.hash;
}
