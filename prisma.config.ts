import { defineConfig } from "prisma/config";

// The prisma CLI is only used for `prisma generate` (offline); migrations go
// through scripts/db/ with the WASM schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/marginalia" },
});
