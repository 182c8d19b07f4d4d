import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, hasPostgres, migrate, startServer, type AppServer } from "./servers";

// The harness itself: a server from the test build, on a database of its own.
describe.skipIf(!hasPostgres)("reliability harness", () => {
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it("serves the built app on a fresh database", async () => {
    const db = await createDatabase("harness");
    stops.push(db.drop);
    await migrate({ DATABASE_URL: db.url });
    const server: AppServer = await startServer({ DATABASE_URL: db.url, SEED_DEMO: "0" });
    stops.push(server.stop);
    const version = await fetch(`${server.url}/arize_phoenix_version`);
    expect(await version.text()).toBe("20.3.0");
    const projects = await fetch(`${server.url}/v1/projects`);
    expect(projects.status).toBe(401);
  });
});
