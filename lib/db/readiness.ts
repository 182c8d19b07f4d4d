import { readdir } from "node:fs/promises";
import path from "node:path";
import { prisma } from "@/lib/db";
import { noteIfDatabaseUnavailable } from "./outage";

// What /readyz reports: the database answers and has every migration in
// prisma/migrations applied (as `prisma migrate deploy` records them in
// _prisma_migrations). Asked of the database on every call, never remembered:
// two app processes on one database must not disagree about it.

/** How long /readyz waits for the database before giving up. */
export const READINESS_TIMEOUT_MS = 2_000;

export type Readiness =
  | { ready: true; applied: number }
  | { ready: false; reason: "unreachable" | "timeout" | "migrations-pending" | "migration-failed" | "error"; message: string; pending?: string[] };

// The migration folder is part of the deployed code: read once per process.
// A failed read is not kept, so a folder that appears later is seen.
const migrationsDir = path.join(process.cwd(), "prisma", "migrations"); // as lib/db/schema-engine.ts
let migrationNames: Promise<string[]> | undefined;

export function listMigrationNames(): Promise<string[]> {
  migrationNames ??= readdir(migrationsDir, { withFileTypes: true })
    .then((entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name).sort())
    .catch((error: unknown) => {
      migrationNames = undefined;
      throw error;
    });
  return migrationNames;
}

type MigrationRow = { migration_name: string; finished: boolean; rolled_back: boolean };
type Queryable = Pick<typeof prisma, "$queryRaw">;

async function appliedMigrations(db: Queryable): Promise<MigrationRow[] | null> {
  try {
    return await db.$queryRaw<MigrationRow[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
      FROM _prisma_migrations`;
  } catch (error) {
    if (noteIfDatabaseUnavailable(error)) throw error;
    // A database nothing was ever applied to has no table yet: all pending, not an error.
    const [{ present }] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
    if (present) throw error;
    return null;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Compares the migrations the code ships with those the database has applied. */
export function compareMigrations(expected: string[], rows: MigrationRow[] | null): Readiness {
  const live = (rows ?? []).filter((row) => !row.rolled_back);
  const unfinished = live.find((row) => !row.finished);
  const applied = new Set(live.filter((row) => row.finished).map((row) => row.migration_name));
  const pending = expected.filter((name) => !applied.has(name));
  if (unfinished) {
    // Prisma's mark of a migration that failed (or is being applied right now): it blocks the rest.
    const message = `Migration ${unfinished.migration_name} has not finished (it failed, or is being applied now); later ones wait for it.`;
    return { ready: false, reason: "migration-failed", message, pending };
  }
  if (pending.length > 0) {
    return { ready: false, reason: "migrations-pending", message: `${pending.length} migration${pending.length === 1 ? "" : "s"} pending; run npm run db:migrate.`, pending };
  }
  // Migrations the database has and this code lacks (a newer release migrated
  // first, as in a rolling deploy) do not make this process unready.
  return { ready: true, applied: expected.length };
}

export async function checkReadiness(db: Queryable = prisma, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  let expected: string[];
  try {
    expected = await listMigrationNames();
  } catch {
    return { ready: false, reason: "error", message: "The migrations folder (prisma/migrations) could not be read." };
  }
  try {
    const rows = await withTimeout(appliedMigrations(db), timeoutMs);
    // Down behind a silent network, or every pooled connection busy: not ready either way.
    if (rows === "timeout") return { ready: false, reason: "timeout", message: `The database did not answer within ${timeoutMs} ms.` };
    return compareMigrations(expected, rows);
  } catch (error) {
    if (noteIfDatabaseUnavailable(error)) return { ready: false, reason: "unreachable", message: "The database is unreachable." };
    console.error(error);
    return { ready: false, reason: "error", message: "The database check failed; see the server log." };
  }
}
