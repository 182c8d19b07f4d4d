import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/setup/database";

const db = useTestDatabase();

describe("test database", () => {
  it("has every migration applied", async () => {
    const folders = readdirSync("prisma/migrations", { withFileTypes: true }).filter((e) => e.isDirectory());
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(rows.map((r) => r.name).sort()).toEqual(folders.map((f) => f.name).sort());
  });

  it("keeps what a test writes until the test ends", async () => {
    await db.project.create({ data: { name: "harness" } });
    expect(await db.project.count()).toBe(1);
  });

  it("starts every test with empty tables and fresh ids", async () => {
    expect(await db.project.count()).toBe(0);
    const project = await db.project.create({ data: { name: "harness" } });
    expect(project.id).toBe(1);
  });
});
