import { Prisma } from "@/lib/generated/prisma/client";
import { toPrefixTsQuery } from "@/lib/search-params";

// Substring search needs a run of 3 letters or digits: the trigram index can
// only narrow a pattern down by the trigrams in it (shorter text would read
// every trace's text).
const SUBSTRING_MIN = /[\p{L}\p{N}]{3}/u;

/** The user's text as an ILIKE pattern matching it anywhere, %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The free-text condition of a traces list over the root span's input and
 * output: ranked full-text words (prefix matching, "refund pol"), OR the text
 * exactly as typed anywhere in it, case-insensitive, so what a customer quoted
 * is found: an order number (ORD-692058, or 692058), a ticket id, an email, an
 * amount. Null when there is nothing to search for.
 */
export function traceTextCondition(traceAlias: Prisma.Sql, q: string): Prisma.Sql | null {
  const tsQuery = toPrefixTsQuery(q);
  const text = q.trim();
  const words = tsQuery ? Prisma.sql`${traceAlias}.search_vector @@ to_tsquery('english', ${tsQuery})` : null;
  const substring = SUBSTRING_MIN.test(text) ? Prisma.sql`${traceAlias}.search_text ILIKE ${containsPattern(text)}` : null;
  if (words && substring) return Prisma.sql`(${words} OR ${substring})`;
  return words ?? substring;
}
