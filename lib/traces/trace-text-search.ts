import { Prisma } from "@/lib/generated/prisma/client";
import { toPrefixTsQuery } from "@/lib/search-params";

/**
 * The free-text condition of a traces list: ranked full-text words (prefix
 * matching) over the trace's search vector. Null when the text has no words.
 */
export function traceTextCondition(traceAlias: Prisma.Sql, q: string): Prisma.Sql | null {
  const tsQuery = toPrefixTsQuery(q);
  return tsQuery ? Prisma.sql`${traceAlias}.search_vector @@ to_tsquery('english', ${tsQuery})` : null;
}
