import { describe, expect, it } from "vitest";
import { POST as postSpans } from "@/app/v1/span_annotations/route";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

useTestDatabase();

// actorForApiKey remembers valid keys for a few seconds (one lookup less per
// request); revoking must still take effect on the very next request.
describe("recently used API keys", () => {
  it("stop working as soon as they are revoked", async () => {
    const w = await apiWorld();
    const { secret, key } = await createApiKey(w.reviewer.actor, { name: "short-lived" });
    const write = () => call(postSpans, { path: "/v1/span_annotations", key: secret, body: {
      data: [{ span_id: w.root.spanId, name: "q", annotator_kind: "HUMAN", result: { label: "x" } }],
    } });
    expect((await write()).status).toBe(200);
    expect((await write()).status).toBe(200);
    await revokeApiKey(w.reviewer.actor, key.id);
    expect((await write()).status).toBe(401);
  });
});
