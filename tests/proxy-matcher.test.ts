import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// proxy.ts redirects signed-out visitors to /login and answers an HTML 503 page
// during an outage: the probes must never see either.
const runsFor = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("proxy.ts matcher", () => {
  it("leaves the health probes alone, as it does the API", () => {
    for (const url of ["/healthz", "/readyz", "/readyz?verbose=1", "/v1/projects", "/arize_phoenix_version"]) expect(runsFor(url), url).toBe(false);
  });

  it("still runs for pages, including ones whose names merely begin like a probe's", () => {
    for (const url of ["/", "/projects/default/traces", "/login", "/healthz-report", "/readyzone"]) expect(runsFor(url), url).toBe(true);
  });
});
