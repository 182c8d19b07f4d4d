import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";

// Set-up for the Phoenix client tests: an API key made the way a user makes
// one (Settings → API keys, signed in by e2e/auth.setup.ts), so it works on
// whatever database the server under test uses, PGlite included; and a trace
// of our own sent over OTLP/JSON, so the tests know every id they annotate.
export async function createKeyInSettings(browser: Browser, baseURL: string, role = "lead"): Promise<string> {
  const context = await browser.newContext({ baseURL, storageState: `e2e/.auth/${role}.json` });
  const page = await context.newPage();
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill(`phoenix-client e2e ${Date.now()}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = await page.getByLabel("Your new API key (shown once)").inputValue();
  await context.close();
  return secret;
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const attributes = (values: Record<string, string | number>) =>
  Object.entries(values).map(([key, value]) => ({
    key,
    value: typeof value === "number" ? { doubleValue: value } : { stringValue: value },
  }));

export type World = { project: string; traceId: string; rootId: string; retrieverId: string; sessionId: string };

/** One trace (CHAIN root, RETRIEVER child with 3 documents) in a project of its own, or in `into`'s project and session. */
export async function ingestWorld(baseURL: string, key: string, into: Partial<Pick<World, "project" | "sessionId">> = {}): Promise<World> {
  const world = { project: `phoenix-client-${hex(4)}`, traceId: hex(16), rootId: hex(8), retrieverId: hex(8), sessionId: `session-${hex(4)}`, ...into };
  const start = Date.now() - 60_000;
  const span = (spanId: string, parent: string, name: string, extra: Record<string, string | number>) => ({
    traceId: world.traceId, spanId, parentSpanId: parent, name, kind: 1,
    startTimeUnixNano: nanos(start), endTimeUnixNano: nanos(start + 800), status: { code: 1 },
    attributes: attributes({ "session.id": world.sessionId, ...extra }),
  });
  const documents = Object.fromEntries([0, 1, 2].flatMap((n) => [
    [`retrieval.documents.${n}.document.id`, `doc-${n}`], [`retrieval.documents.${n}.document.content`, `Article ${n}`],
  ]));
  const body = {
    resourceSpans: [{
      resource: { attributes: attributes({ "openinference.project.name": world.project }) },
      scopeSpans: [{ scope: { name: "phoenix-client-e2e" }, spans: [
        span(world.rootId, "", "support_turn", { "openinference.span.kind": "CHAIN", "input.value": "How do I reset my password?" }),
        span(world.retrieverId, world.rootId, "retrieve_docs", { "openinference.span.kind": "RETRIEVER", ...documents }),
      ] }],
    }],
  };
  const response = await fetch(`${baseURL}/v1/traces`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`OTLP export failed: ${response.status} ${await response.text()}`);
  return world;
}
