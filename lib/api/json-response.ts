// A JSON response that `next start` does not gzip when it is small. Next
// compresses every route handler response it cannot size (it streams them
// without Content-Length), and for the few bytes an annotation write answers,
// setting up zlib costs more CPU than the write itself. `no-transform` is the
// compression middleware's opt-out; bodies of 1 KiB or more still compress.
const COMPRESS_FROM_BYTES = 1024;

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (text.length < COMPRESS_FROM_BYTES) headers.set("cache-control", "no-store, no-transform");
  return new Response(text, { ...init, headers });
}
