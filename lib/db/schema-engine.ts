import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

// The prisma CLI downloads a native schema engine on every command, which fails
// offline. Prisma publishes the same engine as WebAssembly; we drive it directly.
type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
export type SchemaEngine = import("@prisma/schema-engine-wasm/schema_engine_bg").SchemaEngine;
export type MigrationList = import("@prisma/schema-engine-wasm").MigrationList;

const require = createRequire(import.meta.url);
export const projectRoot = process.cwd();
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

let gluePromise: Promise<Glue> | undefined;

function loadGlue(): Promise<Glue> {
  gluePromise ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const module = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return gluePromise;
}

type ScriptRunner = { client: { query?: (sql: string) => Promise<unknown>; exec?: (sql: string) => Promise<unknown> }; onError: (e: unknown) => never };

// The driver adapters run a migration script badly: adapter-pg splits it on every
// ";" (breaking function bodies in dollar quotes) and the PGlite adapter does not
// await it (errors vanish). Both databases take a whole multi-statement script in
// one simple query, which also makes each migration atomic.
function runScriptsWhole(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = <T extends object>(adapter: T): T => {
    const runner = adapter as unknown as ScriptRunner & { executeScript: (script: string) => Promise<void> };
    runner.executeScript = async (script: string) => {
      try {
        if (runner.client.exec) await runner.client.exec(script);
        else await runner.client.query!(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    return adapter;
  };
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "connect" || property === "connectToShadowDb") {
        return async (...args: unknown[]) => patch(await (value as (...a: unknown[]) => Promise<object>).apply(target, args));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export async function createSchemaEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const glue = await loadGlue();
  const schemaText = await readFile(schemaPath, "utf8");
  const log = (message: string) => {
    if (process.env.SCHEMA_ENGINE_DEBUG) console.error(message);
  };
  return glue.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    log,
    bindMigrationAwareSqlAdapterFactory(runScriptsWhole(adapterFactory)),
  );
}

export async function readMigrations(): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8")
            .then((content) => ({ tag: "ok" as const, value: content }))
            .catch((error: Error) => ({ tag: "error" as const, value: error.message })),
        },
      })),
    ),
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };
