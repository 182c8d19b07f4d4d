// `npm start`: migrate, seed the demo data into an empty embedded database,
// build when the sources changed, then serve the build on 127.0.0.1:6006
// (scripts/serve.ts: /v1/* on its lean path, and on Postgres WEB_CONCURRENCY
// worker processes). `--dev` serves in Next's dev mode instead;
// `--prepare-only` stops after seeding.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import path from "node:path";
import { openAdapter } from "@/lib/db/adapter";
import { claimEmbeddedDatabaseOrExit } from "@/lib/db/claim-embedded-database";
import { databaseConfig } from "@/lib/db/config";
import { applyPendingMigrations } from "@/lib/db/migrate";

const mode = process.argv.includes("--dev") ? "dev" : process.argv.includes("--prepare-only") ? "prepare" : "start";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const distDir = process.env.NEXT_DIST_DIR || ".next"; // as in next.config.mjs
const sourceRoots = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"];
const skipped = new Set(["node_modules", distDir, path.join("lib", "generated")]);

await prepareDatabase();
if (mode === "prepare") process.exit(0);

if (mode === "start") {
  const reason = buildReason();
  if (reason) {
    console.log(`Building (${reason})…`);
    dropRouteTypes();
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}
serve(mode === "dev" ? "dev" : "start");

// PGlite allows one process at a time: everything here must be done, and the
// database closed (which releases its lock), before the server process opens it.
async function prepareDatabase(): Promise<void> {
  const config = databaseConfig();
  claimEmbeddedDatabaseOrExit(config); // another server on this folder: say so and exit 1
  const relative = config.kind === "pglite" ? path.relative(process.cwd(), config.dataDir) : "";
  const where = config.kind === "postgres" ? "Postgres (DATABASE_URL)" : `embedded PGlite at ${relative.startsWith("..") ? config.dataDir : relative}`;
  const applied = await applyPendingMigrations(config);
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}.` : `Database: ${where}, up to date.`);
  // Demo data goes into an empty embedded database (or anywhere with SEED_DEMO=1); SEED_DEMO=0 never seeds.
  if (process.env.SEED_DEMO === "0" || (config.kind !== "pglite" && process.env.SEED_DEMO !== "1")) return;

  // Imported only now: lib/db.ts opens the database as it loads, and the
  // migration above has closed its own connection to it.
  const { prisma } = await import("@/lib/db");
  const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
  const { DEMO_PASSWORD, demoUsers } = await import("@/lib/auth/demo-users");
  try {
    if ((await prisma.project.count()) === 0) {
      const traces = process.env.DEMO_TRACES ? Number(process.env.DEMO_TRACES) : undefined;
      console.log("The database is empty: seeding demo data (traces, rubrics, users, reviewers' notes, labels and scores)…");
      const seeded = await seedDemoData(prisma, { traces });
      console.log(`Seeded ${seeded.traces} traces, ${seeded.spans} spans, ${seeded.sessions} sessions, ${seeded.notes ?? 0} notes, ${seeded.ratings ?? 0} labels and scores in ${(seeded.elapsedMs / 1000).toFixed(1)} s.`);
      console.log(`Sign in as ${demoUsers.map((u) => u.email).join(", ")} with the password "${DEMO_PASSWORD}".`);
    }
  } finally {
    await prisma.$disconnect();
    if (config.kind === "pglite") await openAdapter(config).close(); // the instance lib/db.ts shares
  }
}

// A build is stale when any source file or folder (folders catch deletions)
// changed after BUILD_ID was written; checkouts and pulls touch both.
function buildReason(): string | null {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const builtAt = statSync(buildId).mtimeMs;
  for (const root of sourceRoots) {
    const changed = newerThan(root, builtAt);
    if (changed) return `${changed} changed since the last build`;
  }
  return null;
}

function newerThan(file: string, time: number): string | null {
  if (skipped.has(file) || !existsSync(file)) return null;
  const stat = statSync(file);
  if (stat.mtimeMs > time) return file;
  if (!stat.isDirectory()) return null;
  for (const entry of readdirSync(file)) {
    if (/\.test\.tsx?$/.test(entry)) continue;
    const changed = newerThan(path.join(file, entry), time);
    if (changed) return changed;
  }
  return null;
}

// Next's generated route types are global: those of `next dev` or of an
// older build, made from other sources, fail this build's type check
// (vercel/next.js#93700). tsconfig.json includes only .next's (it excludes
// .next-*), and every build writes its own again.
function dropRouteTypes(): void {
  rmSync(path.join(".next", "dev", "types"), { recursive: true, force: true });
  if (path.normalize(distDir) !== ".next") rmSync(path.join(".next", "types"), { recursive: true, force: true });
}

// scripts/serve.ts, not `next start`/`next dev`: it gives the app the socket's
// peer address, which rate limits key on (lib/auth/client-address.ts).
// A larger young generation (64 MB semi-spaces, not 16): an OTLP batch or an
// annotation burst allocates megabytes of short-lived objects, and scavenging
// them took ~17% of the server's CPU on ingest (issue 12). Cluster workers
// inherit the flag.
function serve(command: "dev" | "start"): void {
  const args = ["--max-semi-space-size=64", "--import", "tsx", path.join("scripts", "serve.ts"), ...(command === "dev" ? ["--dev"] : [])];
  const server = spawn(process.execPath, args, { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 1)));
}
