import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkReadiness, compareMigrations, listMigrationNames } from "./readiness";

// The test database is migrated by the runner: ready. Pending and unfinished
// migrations are made inside a transaction that is rolled back, so the
// database the other tests use is never left unmigrated.
// A generous timeout: the first query of a process on a loaded test machine can take seconds.
class Rollback extends Error {}
const SLOW = 30_000;

async function inRolledBackTransaction<T>(work: (tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await prisma
    .$transaction(async (tx) => {
      result = await work(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result as T;
}

const clients: PrismaClient[] = [];
afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

describe("checkReadiness", () => {
  it("is ready on a migrated database, counting the migration folders", async () => {
    const names = await listMigrationNames();
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort());
    expect(await checkReadiness(prisma, SLOW)).toEqual({ ready: true, applied: names.length });
  });

  it("reads the migration folder once per process", async () => {
    expect(listMigrationNames()).toBe(listMigrationNames());
  });

  it("names the migrations the database lacks", async () => {
    const names = await listMigrationNames();
    const lastTwo = names.slice(-2);
    const readiness = await inRolledBackTransaction(async (tx) => {
      await tx.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ANY(${lastTwo})`;
      return checkReadiness(tx, SLOW);
    });
    expect(readiness).toEqual({ ready: false, reason: "migrations-pending", message: "2 migrations pending; run npm run db:migrate.", pending: lastTwo });
    expect(await checkReadiness(prisma, SLOW), "the rollback restored them").toEqual({ ready: true, applied: names.length });
  });

  it("reports a migration that failed (or is still being applied)", async () => {
    const names = await listMigrationNames();
    const last = names.at(-1)!;
    const readiness = await inRolledBackTransaction(async (tx) => {
      await tx.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${last}`;
      return checkReadiness(tx, SLOW);
    });
    expect(readiness).toMatchObject({ ready: false, reason: "migration-failed", pending: [last] });
    expect(readiness.ready || readiness.message).toContain(last);
  });

  it("is unreachable, quickly, when the database cannot be reached", async () => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none" }) });
    clients.push(client);
    const started = Date.now();
    expect(await checkReadiness(client, SLOW)).toEqual({ ready: false, reason: "unreachable", message: "The database is unreachable." });
    expect(Date.now() - started, "without waiting for the timeout").toBeLessThan(10_000);
  });

  it("gives up after its timeout on a database that never answers", async () => {
    const silent = { $queryRaw: () => new Promise<never>(() => {}) } as unknown as Parameters<typeof checkReadiness>[0];
    expect(await checkReadiness(silent, 50)).toEqual({ ready: false, reason: "timeout", message: "The database did not answer within 50 ms." });
  });
});

describe("compareMigrations", () => {
  const row = (migration_name: string, finished = true, rolled_back = false) => ({ migration_name, finished, rolled_back });

  it("counts everything pending on a database with no migrations table", () => {
    expect(compareMigrations(["a", "b"], null)).toMatchObject({ ready: false, reason: "migrations-pending", message: "2 migrations pending; run npm run db:migrate.", pending: ["a", "b"] });
  });

  it("ignores rolled-back attempts and migrations only the database has (a newer release migrated first)", () => {
    expect(compareMigrations(["a", "b"], [row("a"), row("b", false, true), row("b"), row("c")])).toEqual({ ready: true, applied: 2 });
    expect(compareMigrations(["a", "b"], [row("a"), row("b", false, true)])).toMatchObject({ reason: "migrations-pending", message: "1 migration pending; run npm run db:migrate.", pending: ["b"] });
  });
});
