import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SpanKind, StatusCode } from "@/lib/generated/prisma/enums";
import { countCapped, type CappedCount } from "@/lib/pagination/capped-count";
import { decodeCursor, toPage, type Page } from "@/lib/pagination/keyset";
import type { SpanFilters } from "./span-filters";

export type SpanRow = {
  id: number;
  spanId: string;
  traceId: string;
  name: string;
  spanKind: SpanKind;
  statusCode: StatusCode;
  startTime: Date;
  latencyMs: number;
  totalTokens: number | null;
  inputPreview: string | null;
  outputPreview: string | null;
};

// An LLM span's input.value is usually the whole request as JSON, which says
// little in a list: show the last user message instead, read in SQL from the
// OpenInference attributes (llm.input_messages.N.message.role / .content, else
// the text parts .message.contents.K.message_content.text joined, as
// openinference.ts reads them), so no row's attributes leave the database.
const lastUserMessage = Prisma.sql`
  SELECT coalesce(x.attributes ->> (m.prefix || '.message.content'),
    (SELECT string_agg(x.attributes ->> part.key, E'\\n\\n' ORDER BY substring(part.key FROM '\\.message\\.contents\\.(\\d+)\\.')::int)
     FROM jsonb_object_keys(x.attributes) AS part(key)
     WHERE starts_with(part.key, m.prefix || '.message.contents.') AND part.key ~ '^llm\\.input_messages\\.\\d+\\.message\\.contents\\.\\d+\\.message_content\\.text$')) AS text
  FROM spans x
  CROSS JOIN LATERAL (
    SELECT substring(key FROM '^(llm\\.input_messages\\.\\d+)\\.message\\.role$') AS prefix FROM jsonb_object_keys(x.attributes) AS key
  ) m
  WHERE x.id = page.id AND m.prefix IS NOT NULL AND lower(x.attributes ->> (m.prefix || '.message.role')) = 'user'
  ORDER BY substring(m.prefix FROM '\\d+$')::int DESC
  LIMIT 1`;

function spanListConditions(projectId: number, filters: SpanFilters): Prisma.Sql[] {
  const conditions = [Prisma.sql`s.project_id = ${projectId}`];
  if (filters.kind) conditions.push(Prisma.sql`s.span_kind = ${filters.kind}::"SpanKind"`);
  if (filters.status) conditions.push(Prisma.sql`s.status_code = ${filters.status}::"StatusCode"`);
  if (filters.name) conditions.push(Prisma.sql`s.name = ${filters.name}`);
  return conditions;
}

/** How many spans the filters match, up to the cap. */
export function countSpans(projectId: number, filters: SpanFilters): Promise<CappedCount> {
  return countCapped(Prisma.sql`FROM spans s WHERE ${Prisma.join(spanListConditions(projectId, filters), " AND ")}`);
}

/** Every id of a filtered list, as one SELECT to embed (a queue's INSERT … SELECT), no limit. */
export function spanIdsSql(projectId: number, filters: SpanFilters): Prisma.Sql {
  return Prisma.sql`SELECT s.id FROM spans s WHERE ${Prisma.join(spanListConditions(projectId, filters), " AND ")}`;
}

// Newest first, keyset on (start_time, id) over the (project, start_time, id) index.
export async function listSpans(projectId: number, filters: SpanFilters): Promise<Page<SpanRow>> {
  const conditions = spanListConditions(projectId, filters);
  const cursor = decodeCursor(filters.cursor);
  if (cursor) conditions.push(Prisma.sql`(s.start_time, s.id) < (${new Date(cursor.value)}::timestamptz, ${cursor.id})`);

  // The page first, then the preview of its (at most limit + 1) rows only.
  const rows = await prisma.$queryRaw<SpanRow[]>`
    SELECT page.id, page."spanId", page."traceId", page.name, page."spanKind", page."statusCode", page."startTime",
      page."latencyMs", page."totalTokens", coalesce(left(last_user.text, 200), page."rawInput") AS "inputPreview", page."outputPreview"
    FROM (
      SELECT s.id, s.span_id AS "spanId", t.trace_id AS "traceId", s.name, s.span_kind AS "spanKind",
        s.status_code AS "statusCode", s.start_time AS "startTime",
        extract(epoch FROM s.end_time - s.start_time)::float8 * 1000 AS "latencyMs",
        s.total_tokens AS "totalTokens", left(s.input_value, 200) AS "rawInput", left(s.output_value, 200) AS "outputPreview"
      FROM spans s JOIN traces t ON t.id = s.trace_row_id
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY s.start_time DESC, s.id DESC
      LIMIT ${filters.limit + 1}
    ) page
    LEFT JOIN LATERAL (${lastUserMessage}) last_user ON page."spanKind" = 'LLM'
    ORDER BY page."startTime" DESC, page.id DESC`;
  return toPage(rows, filters.limit, (row) => ({ value: row.startTime.toISOString(), id: row.id }));
}

// Distinct span names of a project, for the name filter's choices. A loose index
// scan (one index probe per name) instead of reading every span.
export async function listSpanNames(projectId: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    WITH RECURSIVE names AS (
      (SELECT name FROM spans WHERE project_id = ${projectId} ORDER BY name LIMIT 1)
      UNION ALL
      SELECT (SELECT s.name FROM spans s WHERE s.project_id = ${projectId} AND s.name > names.name ORDER BY s.name LIMIT 1)
      FROM names WHERE names.name IS NOT NULL
    )
    SELECT name FROM names WHERE name IS NOT NULL LIMIT 200`;
  return rows.map((r) => r.name);
}
