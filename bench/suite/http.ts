// Requests as the seeded lead makes them: pages with the session cookie, the
// API with the bearer key. A non-200 answer throws, so a figure is never the
// time of a redirect to the sign-in page or of an error page.
import type { BenchWorld } from "./contract";

export type Auth = "cookie" | "key";

export async function get(world: BenchWorld, path: string, auth: Auth = "cookie"): Promise<{ bytes: number; body: string }> {
  if (!world.baseUrl) throw new Error("This scenario needs the server (needsServer: true)");
  const headers: Record<string, string> = auth === "cookie" ? { cookie: world.sessionCookie } : { authorization: `Bearer ${world.apiKey}` };
  const response = await fetch(world.baseUrl + path, { headers, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${body.slice(0, 200)}`);
  return { bytes: Buffer.byteLength(body), body };
}

/** A closure for timeRuns: one GET of `path`. */
export const getter = (world: BenchWorld, path: string, auth: Auth = "cookie") => () => get(world, path, auth);
