import path from "node:path";

// DATABASE_URL=postgres://… selects a real Postgres; unset, Marginalia runs on
// embedded PGlite in a data folder, so a new user needs no database server.
export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgres:// URL (got "${url.split(":")[0]}:…")`);
    }
    return { kind: "postgres", url };
  }
  return { kind: "pglite", dataDir: path.resolve(env.PGLITE_DATA_DIR ?? ".data/pglite") };
}
