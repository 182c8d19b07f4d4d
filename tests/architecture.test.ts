import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// House rule: only the domain layer (lib/) talks to the database. Pages,
// components and route handlers call lib/ functions; they never import the
// Prisma client or run SQL themselves.
const layers = ["app", "components"];
const forbidden = [/from\s+["']@\/lib\/db["']/, /from\s+["']@\/lib\/generated\/prisma\/client["']/, /\$queryRaw|\$executeRaw/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

describe("architecture", () => {
  it("keeps the Prisma client and SQL out of app/ and components/", () => {
    const offenders = layers
      .flatMap(sourceFiles)
      .filter((file) => forbidden.some((pattern) => pattern.test(readFileSync(file, "utf8"))));
    expect(offenders).toEqual([]);
  });
});
