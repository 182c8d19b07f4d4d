import { Prisma } from "@/lib/generated/prisma/client";
import type { AttributeFilter } from "./span-attribute-filter";

// Span attributes are stored flat, as received (`llm.token_count.total`), but
// a value may itself be a JSON object, or, as OpenInference sends `metadata`,
// a JSON *string* of one. So the dot path `metadata.tier` matches:
//   1. the flat key `metadata.tier`;
//   2. the key `tier` inside an object stored under `metadata`;
//   3. the key `tier` inside a string under `metadata` that parses to an object
//      (jsonb_from_text, migration 20261202160000: NULL for text that is not JSON).
// Every split of the path is tried (`a.b.c`: `a` then `b.c`, `a.b` then `c`).

/** Paths deeper than this are matched as flat keys only. */
const MAX_SPLIT_SEGMENTS = 16;

type Split = { outer: string; inner: string[] };

function splitsOf(key: string): Split[] {
  const segments = key.split(".");
  if (segments.length < 2 || segments.length > MAX_SPLIT_SEGMENTS || segments.some((s) => s === "")) return [];
  return segments.slice(1).map((_, i) => ({ outer: segments.slice(0, i + 1).join("."), inner: segments.slice(i + 1) }));
}

/** A WHERE condition (spans aliased `s`): the span's attributes meet every filter. */
export function attributeMatchSql(filters: AttributeFilter[]): Prisma.Sql {
  if (filters.length === 0) return Prisma.sql`TRUE`;
  const each = filters.map(({ key, value }) => {
    const json = JSON.stringify(value);
    // jsonb equality: 1 and 1.0 alike, as Phoenix does for integers.
    const ways = [Prisma.sql`s.attributes -> ${key}::text = ${json}::jsonb`];
    for (const { outer, inner } of splitsOf(key)) {
      const stored = Prisma.sql`s.attributes -> ${outer}::text`;
      // Only strings that start like an object are parsed (cheap to rule out the rest).
      const container = Prisma.sql`CASE WHEN jsonb_typeof(${stored}) = 'string'
        THEN CASE WHEN (s.attributes ->> ${outer}::text) ~ '^\\s*\\{' THEN jsonb_from_text(s.attributes ->> ${outer}::text) END
        ELSE ${stored} END`;
      ways.push(Prisma.sql`(s.attributes ? ${outer}::text AND (${container}) #> ${inner}::text[] = ${json}::jsonb)`);
    }
    return Prisma.sql`(${Prisma.join(ways, " OR ")})`;
  });
  return Prisma.join(each, " AND ");
}
