import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

// The Postgres extensions the migrations create, loaded into every PGlite
// (the app's embedded database and the migration script's shadow database):
// pg_trgm backs exact substring search of traces (lib/traces/trace-text-search.ts).
export const pgliteExtensions = { pg_trgm };
