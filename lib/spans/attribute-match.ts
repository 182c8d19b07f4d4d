import { Prisma } from "@/lib/generated/prisma/client";
import type { AttributeFilter } from "./span-attribute-filter";

// Span attributes are stored flat, as received (`llm.token_count.total`), but
// a value may itself be a JSON object, or, as OpenInference sends `metadata`,
// a JSON *string* of one. So the dot path `metadata.tier` matches:
//   1. the flat key `metadata.tier`;
//   2. the key `tier` inside an object stored under `metadata`;
//   3. the key `tier` inside a string under `metadata` that parses to an object.
// Every split of the path is tried (`a.b.c`: `a` then `b.c`, `a.b` then `c`).
// Postgres 15 cannot parse a string as JSON without failing the whole query on
// one that is not, so case 3 is narrowed in SQL (a string starting with "{" that
// contains the inner key) and decided here in JS: `attributeMatchSql` gives a
// superset and says which rows are decided already; `matchesAttributes` decides
// the rest.

/** Paths deeper than this are matched as flat keys only. */
const MAX_SPLIT_SEGMENTS = 16;

type Split = { outer: string; inner: string[] };

function splitsOf(key: string): Split[] {
  const segments = key.split(".");
  if (segments.length < 2 || segments.length > MAX_SPLIT_SEGMENTS || segments.some((s) => s === "")) return [];
  return segments.slice(1).map((_, i) => ({ outer: segments.slice(0, i + 1).join("."), inner: segments.slice(i + 1) }));
}

// Text that may be a JSON object (the same pattern in SQL and here).
const OBJECT_TEXT = /^\s*\{/;

// The inner key as JSON text, when any encoder writes it so (printable ASCII, nothing to escape).
const plainKey = /^[\x20-\x7e]+$/;
const literalKey = (key: string) => (plainKey.test(key) && !/["\\]/.test(key) ? `"${key}"` : null);

export type AttributeMatchSql = {
  /** A WHERE condition every matching row meets (and a few that do not). */
  candidate: Prisma.Sql;
  /** True where the row surely matches; false rows go through `matchesAttributes`. */
  decided: Prisma.Sql;
};

export function attributeMatchSql(filters: AttributeFilter[]): AttributeMatchSql {
  const exact: Prisma.Sql[] = [];
  const candidate: Prisma.Sql[] = [];
  for (const { key, value } of filters) {
    const json = JSON.stringify(value);
    // jsonb equality: 1 and 1.0 alike, as Phoenix does for integers.
    const sure = [Prisma.sql`s.attributes -> ${key}::text = ${json}::jsonb`];
    const maybe: Prisma.Sql[] = [];
    for (const { outer, inner } of splitsOf(key)) {
      sure.push(Prisma.sql`s.attributes -> ${outer}::text #> ${inner}::text[] = ${json}::jsonb`);
      const text = Prisma.sql`(s.attributes ->> ${outer}::text)`;
      const literal = literalKey(inner[0]);
      maybe.push(
        Prisma.sql`(jsonb_typeof(s.attributes -> ${outer}::text) = 'string' AND ${text} ~ ${OBJECT_TEXT.source}${literal ? Prisma.sql` AND strpos(${text}, ${literal}) > 0` : Prisma.empty})`,
      );
    }
    const sureSql = Prisma.sql`(${Prisma.join(sure, " OR ")})`;
    exact.push(sureSql);
    candidate.push(maybe.length ? Prisma.sql`(${Prisma.join([sureSql, ...maybe], " OR ")})` : sureSql);
  }
  if (filters.length === 0) return { candidate: Prisma.sql`TRUE`, decided: Prisma.sql`TRUE` };
  return { candidate: Prisma.join(candidate, " AND "), decided: Prisma.sql`COALESCE(${Prisma.join(exact, " AND ")}, FALSE)` };
}

// jsonb's `#>`: object keys, array indexes (negative from the end).
function pathIn(value: unknown, path: string[]): unknown {
  let at = value;
  for (const segment of path) {
    if (Array.isArray(at)) {
      if (!/^-?\d+$/.test(segment)) return undefined;
      const index = Number(segment);
      at = at[index < 0 ? at.length + index : index];
    } else if (at !== null && typeof at === "object") {
      at = Object.hasOwn(at, segment) ? (at as Record<string, unknown>)[segment] : undefined;
    } else {
      return undefined;
    }
  }
  return at;
}

function parsedObject(text: unknown): unknown {
  if (typeof text !== "string" || !OBJECT_TEXT.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // not JSON after all: nothing inside to match
  }
}

function matchesOne(attributes: Record<string, unknown>, { key, value }: AttributeFilter): boolean {
  if (attributes[key] === value) return true;
  return splitsOf(key).some(({ outer, inner }) => {
    const stored = attributes[outer];
    const container = typeof stored === "string" ? parsedObject(stored) : stored;
    return pathIn(container, inner) === value;
  });
}

/** Whether a span's attributes meet every filter (the JS side of `attributeMatchSql`). */
export function matchesAttributes(attributes: Record<string, unknown>, filters: AttributeFilter[]): boolean {
  return filters.every((filter) => matchesOne(attributes, filter));
}
